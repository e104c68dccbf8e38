package com.starkiller.images.operations;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Four request threads per processor and at least eight, unless the operator sets the number. */
class RequestThreadsTest extends IntegrationTest {

	@Autowired
	WebServerApplicationContext context;

	private static int maxThreads(Connector connector) {
		return ((AbstractProtocol<?>) connector.getProtocolHandler()).getMaxThreads();
	}

	private static int configured(MockEnvironment environment) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		new RequestThreads().maxThreads(environment).customize(factory);
		Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
		factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(connector));
		return maxThreads(connector);
	}

	@Test
	void theServerRunsFourThreadsPerProcessor() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat(maxThreads(connector))
			.isEqualTo(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void fourPerProcessorButNeverFewerThanEight() {
		assertThat(RequestThreads.byDefault(1)).isEqualTo(8);
		assertThat(RequestThreads.byDefault(2)).isEqualTo(8);
		assertThat(RequestThreads.byDefault(4)).isEqualTo(16);
	}

	@Test
	void theOperatorsNumberWins() {
		assertThat(configured(new MockEnvironment())).isEqualTo(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
		assertThat(configured(new MockEnvironment().withProperty("TOMCAT_MAX_THREADS", "9"))).isEqualTo(9);
		assertThat(configured(new MockEnvironment().withProperty("server.tomcat.threads.max", "7")
			.withProperty("TOMCAT_MAX_THREADS", "9"))).isEqualTo(7);
	}

}
