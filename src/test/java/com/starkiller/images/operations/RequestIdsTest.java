package com.starkiller.images.operations;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request id filter on its own, on the thread it runs on: the id is in the MDC while the rest
 * of the chain runs, never after (a pooled thread's next request must not inherit it), and the
 * error dispatch Tomcat makes afterwards logs under the same id.
 */
class RequestIdsTest {

	private final RequestIds filter = new RequestIds();

	@Test
	void theIdIsInTheMdcOnlyWhileTheRequestIsHandled() throws Exception {
		List<String> seen = new ArrayList<>();
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request("lb-1"), response, chain(seen));

		assertThat(seen).containsExactly("lb-1");
		assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("lb-1");
		assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
	}

	@Test
	void theIdLeavesTheMdcWhenTheChainThrows() {
		MockFilterChain failing = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
				throw new ServletException("failed");
			}
		});

		assertThatThrownBy(() -> this.filter.doFilter(request("lb-2"), new MockHttpServletResponse(), failing))
			.isInstanceOf(ServletException.class);
		assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
	}

	@Test
	void theErrorDispatchAfterwardsLogsUnderTheSameId() throws Exception {
		List<String> seen = new ArrayList<>();
		MockHttpServletRequest request = request("not sane!");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, chain(seen));
		request.setDispatcherType(DispatcherType.ERROR);
		this.filter.doFilter(request, response, chain(seen));

		String madeUp = response.getHeader(RequestIds.HEADER);
		assertThat(madeUp).matches("[0-9a-f]{32}");
		assertThat(seen).containsExactly(madeUp, madeUp);
		assertThat(response.getHeaders(RequestIds.HEADER)).hasSize(1);
	}

	@Test
	void onlyShortIdsOfLettersDigitsAndDotsColonsDashesAndUnderscoresAreTaken() {
		assertThat(RequestIds.accepted("Root=1-67891233-abcdef012345678912345678")).matches("[0-9a-f]{32}");
		assertThat(RequestIds.accepted("0a1b2c3d-4e5f-6789-abcd-ef0123456789")).isEqualTo("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
		assertThat(RequestIds.accepted("node-7:req.42_x")).isEqualTo("node-7:req.42_x");
		assertThat(RequestIds.accepted("a".repeat(64))).isEqualTo("a".repeat(64));
		assertThat(RequestIds.accepted("a".repeat(65))).matches("[0-9a-f]{32}");
		assertThat(RequestIds.accepted("")).matches("[0-9a-f]{32}");
		assertThat(RequestIds.accepted(null)).matches("[0-9a-f]{32}");
		assertThat(RequestIds.accepted(null)).isNotEqualTo(RequestIds.accepted(null));
	}

	private static MockHttpServletRequest request(String id) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/listings/1");
		request.addHeader(RequestIds.HEADER, id);
		return request;
	}

	/** The rest of the chain: notes the MDC's request id while it runs. */
	private static MockFilterChain chain(List<String> seen) {
		return new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				seen.add(MDC.get(RequestIds.MDC_KEY));
			}
		});
	}

}
