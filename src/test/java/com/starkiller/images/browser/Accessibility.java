package com.starkiller.images.browser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Runs axe-core (bundled in the axe-core Selenium jar, nothing downloaded) on the page the browser
 * shows, and fails on any violation that axe rates serious or critical.
 */
public final class Accessibility {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private Accessibility() {
	}

	public static void assertNoSeriousViolations(Browser browser) {
		Results results = new AxeBuilder().analyze(browser.driver());
		if (results.isErrored()) {
			throw new AssertionError("axe could not check " + browser.path() + ": " + results.getErrorMessage());
		}
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()))
			.toList();
		if (!blocking.isEmpty()) {
			throw new AssertionError("axe found " + blocking.size() + " serious or critical violation(s) on "
					+ browser.path() + ":\n" + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
		}
	}

	/** {@code - color-contrast (serious): Elements must meet minimum color contrast...}, then each element. */
	private static String describe(Rule rule) {
		return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " <" + rule.getHelpUrl() + ">\n"
				+ rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		String summary = (node.getFailureSummary() != null) ? node.getFailureSummary().replace("\n", " ") : "";
		return "    at " + node.getTarget() + " " + node.getHtml() + "\n      " + summary;
	}

}
