package com.starkiller.images.review;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.IfMatch;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Review;
import com.starkiller.images.listing.ReviewCounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review's writer can die after the review was counted and before it was filed into its page:
 * the count, the average and the reviews one can read still agree, and the next review files it.
 */
@TestPropertySource(properties = "starkiller.api.token=" + PendingReviewTest.TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class PendingReviewTest extends IntegrationTest {

	static final String TOKEN = "review-token-0123456789abcdef0123456789";

	private static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ReviewCounts counts;

	@Autowired
	ReviewRepository reviews;

	@Autowired
	ListingRepository listings;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aReviewCountedButNeverFiledIsStillReadAndTheNextReviewFilesIt() {
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"Half written\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}", AUTH);
		long id = JSON.readTree(created.body()).path("id").asLong();

		// The writer stops right after counting: nothing in the review pages.
		this.counts.count(id, IfMatch.ANY, new Review(0, "Ghost", LocalDate.of(2026, 11, 1), 2, "Never filed"));
		assertThat(this.reviews.findById(ReviewPage.id(id, 0))).isEmpty();

		JsonNode first = review(id, 1);
		assertThat(first.path("count").asInt()).isEqualTo(1);
		assertThat(first.path("review").path("author").asString()).isEqualTo("Ghost");
		assertThat(this.http.get("/reviews/" + id + "?index=1").body()).contains("Never filed");

		HttpResponse<String> next = this.http.json("POST", "/api/listings/" + id + "/reviews",
				"{\"author\":\"Ana\",\"rating\":4,\"text\":\"Calm\"}", AUTH);
		assertThat(next.statusCode()).isEqualTo(201);

		assertThat(this.reviews.findById(ReviewPage.id(id, 0)).orElseThrow().reviews()).extracting(Review::author)
			.containsExactly("Ghost", "Ana");
		assertThat(this.listings.findById(id).orElseThrow().pendingReviews()).isNull();
		assertThat(review(id, 1).path("review").path("author").asString()).isEqualTo("Ghost");
		assertThat(review(id, 2).path("review").path("author").asString()).isEqualTo("Ana");
		JsonNode listing = JSON.readTree(this.http.get("/api/listings/" + id).body());
		assertThat(listing.path("reviewCount").asInt()).isEqualTo(2);
		assertThat(listing.path("ratingTotal").asInt()).isEqualTo(6);
	}

	/**
	 * A writer can also die after filing its review and before marking it filed: the next review
	 * files it again, meets it in its page (a duplicate key on the embedded server), and goes on.
	 * Neither the review's words nor an error reach the log for that.
	 */
	@Test
	void aReviewFiledButStillPendingIsFiledOnceAndLogsNothing(CapturedOutput output) {
		long id = JSON.readTree(this.http.json("POST", "/api/listings",
				"{\"name\":\"Filed twice\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}", AUTH)
			.body()).path("id").asLong();
		Review pending = this.counts.count(id, IfMatch.ANY,
				new Review(0, "Kari", LocalDate.of(2026, 11, 2), 5, "Quiet fjord view")).pendingReview(1);
		Document filed = new Document();
		this.mongo.getConverter().write(pending, filed);
		filed.remove("_class");
		this.mongo.upsert(Query.query(Criteria.where("_id").is(ReviewPage.id(id, 0))),
				new Update().push("reviews", filed).setOnInsert("listing", id).setOnInsert("page", 0),
				ReviewPage.COLLECTION);
		int logged = output.getAll().length();

		HttpResponse<String> next = this.http.json("POST", "/api/listings/" + id + "/reviews",
				"{\"author\":\"Ola\",\"rating\":3,\"text\":\"Fine\"}", AUTH);

		assertThat(next.statusCode()).isEqualTo(201);
		assertThat(this.reviews.findById(ReviewPage.id(id, 0)).orElseThrow().reviews()).extracting(Review::author)
			.containsExactly("Kari", "Ola");
		assertThat(this.listings.findById(id).orElseThrow().pendingReviews()).isNull();
		assertThat(output.getAll().substring(logged)).doesNotContain("Quiet fjord view").doesNotContain("ERROR");
	}

	private JsonNode review(long id, int index) {
		HttpResponse<String> response = this.http.get("/reviews/" + id + "?index=" + index, "Accept",
				"application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
