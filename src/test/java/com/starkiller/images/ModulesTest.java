package com.starkiller.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is an application module: no cycles between them, and none reaches into
 * another's internals. The module documentation in docs/architecture is written from the same
 * model, so it cannot drift from the code: .ci/run fails when what it wrote differs from what is committed.
 */
class ModulesTest {

	static final Path DOCS = Path.of("docs", "architecture");

	final ApplicationModules modules = ApplicationModules.of(StarkillerImagesApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDiagramsAndCanvases() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
				.withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE))
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				render(diagram);
			}
		}
		assertThat(DOCS.resolve("components.svg")).isNotEmptyFile();
	}

	/** The Documenter lists modules in no fixed order: sorted, a run that changed nothing leaves no diff. */
	static String stable(String plantUml) {
		List<String> lines = new ArrayList<>(plantUml.lines().toList());
		for (int start = 0; start < lines.size(); start++) {
			String kind = kind(lines.get(start));
			int end = start;
			while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
				end++;
			}
			Collections.sort(lines.subList(start, Math.max(start, end)));
			start = Math.max(start, end - 1);
		}
		return String.join("\n", lines) + "\n";
	}

	private static String kind(String line) {
		String trimmed = line.strip();
		return trimmed.startsWith("Component(") ? "component" : trimmed.startsWith("Rel(") ? "relation" : null;
	}

	// PlantUML's own layout engine, so no Graphviz has to be installed.
	private static void render(Path diagram) throws IOException {
		String source = stable(Files.readString(diagram));
		Files.writeString(diagram, source);
		source = source.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
		Path svg = diagram.resolveSibling(diagram.getFileName().toString().replace(".puml", ".svg"));
		try (OutputStream out = Files.newOutputStream(svg)) {
			new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		}
	}

}
