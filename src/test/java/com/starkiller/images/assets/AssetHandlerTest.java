package com.starkiller.images.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resource handler set up as Spring Boot sets ours (content-hashed names, so also the CSS
 * link rewriting) serves for a hashed path: the file's bytes and its hash as ETag, unless the
 * rewriting would change the bytes, which are then not archived.
 */
class AssetHandlerTest {

	@TempDir
	Path release;

	AssetHandler handler;

	@BeforeEach
	void handler() throws Exception {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(new FileSystemResource(this.release + "/")));
		handler.setResourceResolvers(List.of(new VersionResourceResolver().addContentVersionStrategy("/**"),
				new PathResourceResolver()));
		handler.setResourceTransformers(List.of(new CssLinkResourceTransformer()));
		handler.afterPropertiesSet();
		this.handler = new AssetHandler("/assets/", handler, new MockServletContext());
	}

	@Test
	void aStylesheetWithoutLinksIsServedAsItsFile() throws IOException {
		byte[] css = "body{color:#123}\n/*# sourceMappingURL=site.css.map */\n".getBytes(StandardCharsets.UTF_8);
		Files.write(this.release.resolve("site.css"), css);
		String hash = DigestUtils.md5DigestAsHex(css);

		Asset asset = this.handler.asset("/assets/site-" + hash + ".css");

		assertThat(asset).isNotNull();
		assertThat(asset.bytes()).isEqualTo(css);
		assertThat(asset.contentType()).isEqualTo("text/css");
		assertThat(asset.etag()).contains(hash);
	}

	@Test
	void aStylesheetWhoseLinksTheChainRewritesIsNotArchived() throws IOException {
		Files.write(this.release.resolve("logo.png"), new byte[] { 1, 2, 3 });
		byte[] css = "h1{background:url(logo.png)}".getBytes(StandardCharsets.UTF_8);
		Files.write(this.release.resolve("site.css"), css);

		assertThat(this.handler.asset("/assets/site-" + DigestUtils.md5DigestAsHex(css) + ".css")).isNull();
	}

	@Test
	void aHashThatIsNotTheFilesIsNoAsset() throws IOException {
		Files.writeString(this.release.resolve("site.css"), "body{}");

		assertThat(this.handler.asset("/assets/site-0123456789abcdef0123456789abcdef.css")).isNull();
	}

}
