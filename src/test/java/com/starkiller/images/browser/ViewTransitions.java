package com.starkiller.images.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebElement;

/**
 * The view transitions a page starts, as the browser runs them: which elements carry the lightbox
 * photo's name in the old view and in the new, and whether the browser then morphed one into the
 * other. It watches by wrapping the page's {@code document.startViewTransition}, so it sees what
 * the browser is asked to do rather than what the page's script says about it.
 */
public final class ViewTransitions {

	/** The name the lightbox's photo shares with the photo it opens from or closes into (site.css). */
	static final String PHOTO_NAME = "lightbox-photo";

	private static final String WATCH = """
			const name = arguments[0];
			if (window.starkillerTestTransitions) return;
			const seen = window.starkillerTestTransitions = [];
			const start = document.startViewTransition;
			const named = () => [...document.querySelectorAll('*')]
				.filter((element) => getComputedStyle(element).viewTransitionName === name);
			document.startViewTransition = function (update) {
				const record = { from: named(), to: [], morphed: false, outcome: 'running' };
				seen.push(record);
				const transition = start.call(document, async () => {
					await update?.();
					record.to = named();
				});
				transition.ready.then(() => {
					const group = '::view-transition-group(' + name + ')';
					record.morphed = document.getAnimations().some((animation) => animation.effect?.pseudoElement === group);
				}, (error) => { record.outcome = 'not animated: ' + error.message; });
				transition.finished.finally(() => { if (record.outcome === 'running') record.outcome = 'finished'; });
				return transition;
			};
			""";

	private static final String READ = """
			const side = (element) => ({ element: element.isConnected ? element : null, id: element.id,
				src: element.getAttribute('src') || '' });
			return (window.starkillerTestTransitions || []).map((record) => ({ from: record.from.map(side),
				to: record.to.map(side), morphed: record.morphed, outcome: record.outcome }));
			""";

	private final Browser browser;

	private ViewTransitions(Browser browser) {
		this.browser = browser;
	}

	/** Starts watching the page the browser shows now (a page loaded later is not watched). */
	public static ViewTransitions watch(Browser browser) {
		if (!Boolean.TRUE.equals(browser.script("return typeof document.startViewTransition === 'function';"))) {
			throw new IllegalStateException("This browser has no View Transitions API to watch");
		}
		browser.script(WATCH, PHOTO_NAME);
		return new ViewTransitions(browser);
	}

	/** How many view transitions the page has started since watching began. */
	public int started() {
		return all().size();
	}

	/** Waits until the {@code number}th view transition (1-based) has ended, and tells how it went. */
	public Morph awaitEnd(int number) {
		return this.browser.waitUntil("view transition number " + number + " to start and end", (driver) -> {
			List<Morph> all = all();
			return (all.size() >= number && !"running".equals(all.get(number - 1).outcome())) ? all.get(number - 1) : null;
		});
	}

	/** The elements that carry the photo's name now, outside any transition: none, once it has ended. */
	@SuppressWarnings("unchecked")
	public List<WebElement> namedNow() {
		return (List<WebElement>) this.browser.script("""
				return [...document.querySelectorAll('*')]
					.filter((element) => getComputedStyle(element).viewTransitionName === arguments[0]);
				""", PHOTO_NAME);
	}

	@SuppressWarnings("unchecked")
	private List<Morph> all() {
		List<Map<String, Object>> records = (List<Map<String, Object>>) this.browser.script(READ);
		return records.stream().map(Morph::of).toList();
	}

	/**
	 * One view transition: the elements named for the photo in the old view and in the new, whether
	 * the browser animated the photo from one place to the other, and how it ended ("finished", or
	 * why the browser did not animate it).
	 */
	public record Morph(List<Named> from, List<Named> to, boolean morphed, String outcome) {

		@SuppressWarnings("unchecked")
		static Morph of(Map<String, Object> record) {
			return new Morph(((List<Map<String, Object>>) record.get("from")).stream().map(Named::of).toList(),
					((List<Map<String, Object>>) record.get("to")).stream().map(Named::of).toList(),
					Boolean.TRUE.equals(record.get("morphed")), String.valueOf(record.get("outcome")));
		}

		/** The one element named in the old view: the photo the morph starts from. */
		public Named start() {
			return only(this.from, "old");
		}

		/** The one element named in the new view: the photo the morph ends in. */
		public Named end() {
			return only(this.to, "new");
		}

		private static Named only(List<Named> named, String view) {
			if (named.size() != 1) {
				throw new AssertionError("The " + view + " view named " + named.size() + " elements " + PHOTO_NAME
						+ ", not one: " + named);
			}
			return named.get(0);
		}

	}

	/**
	 * An element named for the photo: itself while it is still on the page (null once htmx has
	 * swapped it out), its id and its image's address.
	 */
	public record Named(WebElement element, String id, String src) {

		static Named of(Map<String, Object> side) {
			return new Named((WebElement) side.get("element"), String.valueOf(side.get("id")),
					String.valueOf(side.get("src")));
		}

	}

}
