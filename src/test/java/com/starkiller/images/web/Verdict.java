package com.starkiller.images.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.web.RawHttp.Answer;
import com.starkiller.images.web.RawHttp.Request;

/**
 * What every answer must be, whatever was asked: no 5xx, no stack trace, well-formed HTML, problem
 * details for JSON errors and for the API, an error page for people, and no header a request
 * smuggled in. Returns what is wrong, or nothing.
 */
final class Verdict {

	private static final Pattern STACK_TRACE = Pattern
		.compile("Exception|\\bat (com|org|java|jdk|sun|jakarta|tools)\\.[\\w.$]+\\(|\\.java:\\d+\\)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Verdict() {
	}

	static List<String> of(Request request, Answer answer) {
		List<String> wrong = new ArrayList<>();
		int status = answer.status();
		if (status >= 500) {
			wrong.add("answered " + status);
		}
		if (request.method().equals("HEAD")) {
			// No body to judge; the same request as GET is judged in full.
			return wrong;
		}
		String body = answer.text();
		if (STACK_TRACE.matcher(body).find()) {
			wrong.add("the body shows a stack trace or an exception name");
		}
		String type = answer.contentType();
		if (type.startsWith("text/html") && !body.isEmpty()) {
			wrong.addAll(html(body));
			if (body.contains("<script>alert(1)") || body.contains("onerror=alert(1)")) {
				wrong.add("a script from the input came back unescaped");
			}
			if (status >= 400 && !body.contains("id=\"error-title\"")) {
				wrong.add("an HTML error that is not our error page");
			}
		}
		boolean api = isApi(request.target()) && readable(request.target());
		if (status >= 400 && status != 405 && (api || type.contains("json"))) {
			wrong.addAll(problem(answer));
		}
		for (String[] header : answer.headers()) {
			if (header[0].toLowerCase(Locale.ROOT).contains("injected")
					|| header[1].toLowerCase(Locale.ROOT).contains("injected=")) {
				wrong.add("an injected header came back: " + header[0] + ": " + header[1]);
			}
		}
		return wrong;
	}

	/**
	 * Whether Tomcat can read the request target at all: not longer than its header limit (8 KB), and
	 * only characters RFC 3986 allows in a request target (so no '#'). Otherwise nothing of the
	 * request is known, not even whether it was for the API, and the error page is as right as
	 * problem details.
	 */
	static boolean readable(String target) {
		return target.length() < 8_000 && target.matches("[A-Za-z0-9._~:/?@!$&'()*+,;=%-]*");
	}

	static boolean isApi(String target) {
		String path = target.split("[?#]", 2)[0];
		return path.startsWith("/api/") || path.equals("/insert");
	}

	/**
	 * Full pages parse as HTML5 without a single parse error (jsoup's HTML5 tokenizer and tree
	 * builder report every spec parse error) and end with {@code </html>}; fragments parse without
	 * error in a body and are not pages.
	 */
	static List<String> html(String body) {
		List<String> wrong = new ArrayList<>();
		ParseErrorList errors = ParseErrorList.tracking(5);
		if (body.regionMatches(true, 0, "<!DOCTYPE html>", 0, 15)) {
			Parser parser = Parser.htmlParser().setTrackErrors(5);
			Jsoup.parse(body, "", parser);
			errors = parser.getErrors();
			if (!body.strip().endsWith("</html>")) {
				wrong.add("the page does not end with </html>");
			}
		}
		else {
			Document context = Jsoup.parse("<!DOCTYPE html><html><body></body></html>");
			Parser.parseFragment(body, context.body(), "", errors);
			if (body.contains("<html")) {
				wrong.add("a page without <!DOCTYPE html>");
			}
		}
		errors.forEach((error) -> wrong.add("HTML parse error: " + error));
		return wrong;
	}

	private static List<String> problem(Answer answer) {
		if (!answer.contentType().equals("application/problem+json")) {
			return List.of("an error for a JSON client or the API that is not application/problem+json but '"
					+ answer.contentType() + "'");
		}
		try {
			JsonNode problem = JSON.readTree(answer.body());
			if (problem.path("status").asInt() != answer.status() || !problem.has("title")) {
				return List.of("problem details without its status or title: " + answer.text());
			}
			if (problem.has("instance")) {
				URI.create(problem.get("instance").asString());
			}
			return List.of();
		}
		catch (RuntimeException ex) {
			return List.of("problem details that do not parse: " + answer.text());
		}
	}

}
