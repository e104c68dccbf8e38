package com.starkiller.images.review;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README, the write API: {@code DELETE /api/listings/{id}} deletes the listing "with its reviews".
 * Once the delete has answered, MongoDB holds no review page of it, however many pages it had.
 */
class DeletedListingReviewsTest extends IntegrationTest {

	private static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MongoTemplate mongo;

	@Test
	void aDeletedListingLeavesNoReviewPageBehind() {
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"Soon gone\",\"location\":{\"city\":\"Tromsø\",\"country\":\"Norway\"}}", AUTH);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = JSON.readTree(created.body()).path("id").asLong();
		// Two full pages and one review on a third: the last page is the one a miscount would miss.
		int reviews = 2 * ReviewPage.SIZE + 1;
		for (int i = 1; i <= reviews; i++) {
			HttpResponse<String> added = this.http.json("POST", "/api/listings/" + id + "/reviews",
					"{\"author\":\"Guest " + i + "\",\"rating\":4,\"text\":\"Stay " + i + "\"}", AUTH);
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		}
		assertThat(pagesOf(id)).extracting(ReviewPage::id)
			.containsExactlyInAnyOrder(ReviewPage.id(id, 0), ReviewPage.id(id, 1), ReviewPage.id(id, 2));

		HttpResponse<String> deleted = this.http.json("DELETE", "/api/listings/" + id, null, AUTH);

		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		assertThat(pagesOf(id)).isEmpty();
	}

	/** The listing's review pages as MongoDB holds them: by id ("{id}:{page}") or by the listing they name. */
	private List<ReviewPage> pagesOf(long id) {
		Criteria byId = Criteria.where("_id").regex("^" + id + ":");
		return this.mongo.find(Query.query(new Criteria().orOperator(byId, Criteria.where("listing").is(id))),
				ReviewPage.class);
	}

}
