package com.starkiller.images.seed;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.review.ReviewPage;
import com.starkiller.images.review.ReviewRepository;

import static org.assertj.core.api.Assertions.assertThat;

class SeederTest extends IntegrationTest {

	private static final List<DemoData.PoolImage> POOL = List.of(new DemoData.PoolImage("a", "Bedroom", 1600, 1066),
			new DemoData.PoolImage("b", "Beach", 1600, 1066));

	@Autowired
	Seeder seeder;

	@Autowired
	ListingRepository listings;

	@Autowired
	ReviewRepository reviews;

	@Test
	void theSameSeedAndIdAlwaysGiveTheSameData() {
		DemoData once = new DemoData(7, POOL);
		DemoData again = new DemoData(7, POOL);
		DemoData other = new DemoData(8, POOL);

		for (long id : new long[] { 0, 15_000, 9_999_999 }) {
			assertThat(again.listing(id)).isEqualTo(once.listing(id));
			assertThat(again.reviewPages(id)).isEqualTo(once.reviewPages(id));
		}
		assertThat(LongStream.range(0, 20).filter((id) -> !other.listing(id).equals(once.listing(id)))).isNotEmpty();
	}

	@Test
	void listingsHaveTwoToTwelvePhotosAndUpToFortyReviewsThatMatchTheirSummary() {
		DemoData data = new DemoData(Seeder.DEFAULT_SEED, POOL);

		for (long id = 0; id < 500; id++) {
			var listing = data.listing(id);
			var reviews = data.reviewPages(id).stream().flatMap((page) -> page.reviews().stream()).toList();
			assertThat(listing.photoCount()).isBetween(2, 12);
			assertThat(listing.reviewCount()).isBetween(0, 40).isEqualTo(reviews.size());
			for (int position = 1; position <= reviews.size(); position++) {
				assertThat(reviews.get(position - 1).position()).isEqualTo(position);
				assertThat(reviews.get(position - 1).rating()).isBetween(1, 5);
			}
		}
	}

	@Test
	void aRerunAddsNothingAndAnInterruptedRunResumes() {
		long listingsBefore = this.listings.count();
		long pagesBefore = this.reviews.count();
		var stored = this.listings.findById(LISTINGS - 1L).orElseThrow();
		// Lose the tail, as a run stopped mid-way would have.
		for (long id = LISTINGS - 30; id < LISTINGS; id++) {
			this.listings.deleteById(id);
			this.reviews.deleteById(ReviewPage.id(id, 0));
		}

		long resumedFrom = this.seeder.seed(LISTINGS, Seeder.DEFAULT_SEED,
				(total) -> Progress.inLog(total, LoggerFactory.getLogger(SeederTest.class)));

		assertThat(resumedFrom).isPositive().isLessThanOrEqualTo(LISTINGS - 30);
		assertThat(this.listings.count()).isEqualTo(listingsBefore);
		assertThat(this.reviews.count()).isEqualTo(pagesBefore);
		assertThat(this.listings.findById(LISTINGS - 1L)).contains(stored);
	}

}
