package com.starkiller.images.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.web.NotFound;

/**
 * Listings by id, read through the cache. A deleted listing answers 404 like one that never was.
 */
@Service
public class ListingService {

	public static final String CACHE = "listings";

	private final StoredListings stored;

	private final ListingRepository repository;

	ListingService(StoredListings stored, ListingRepository repository) {
		this.stored = stored;
		this.repository = repository;
	}

	public Listing get(long id) {
		Listing listing = this.stored.find(id);
		if (listing == null || listing.tombstone()) {
			throw new NotFound("There is no listing " + id + ".");
		}
		return listing;
	}

	/**
	 * The listings of these ids that exist, in the order given, read from MongoDB in one query: a
	 * list of hundreds costs one round trip instead of one per id.
	 */
	public List<Listing> existing(Collection<Long> ids) {
		Map<Long, Listing> found = new HashMap<>();
		this.repository.findAllById(ids).forEach((listing) -> found.put(listing.id(), listing));
		return ids.stream().map(found::get).filter((listing) -> listing != null && !listing.tombstone()).toList();
	}

	/**
	 * Up to {@code count} existing listings spread evenly over the ids handed out so far (the seed's
	 * and the API's form a prefix 0..k-1, found by point lookups), each reduced to what the caller
	 * keeps of it as it is read, so thousands of them need not be in memory at once. Reading stops
	 * once {@code within} has passed (no query is started after it; one under way ends first), and
	 * what was read by then is answered, fewer or none.
	 */
	public <T> List<T> spread(int count, Duration within, Function<Listing, T> kept) {
		long deadline = System.nanoTime() + within.toNanos();
		BooleanSupplier late = () -> System.nanoTime() - deadline >= 0;
		long end = this.repository.firstAbsentId(late);
		long step = Math.max(1, end / Math.max(1, count));
		List<Long> ids = LongStream.iterate(0, (id) -> id < end, (id) -> id + step).limit(count).boxed().toList();
		List<T> spread = new ArrayList<>();
		// A hundred per query, so that each stays far inside the MongoDB timeout on a cold embedded server.
		for (int from = 0; from < ids.size() && !late.getAsBoolean(); from += 100) {
			existing(ids.subList(from, Math.min(ids.size(), from + 100))).forEach((listing) -> spread.add(kept.apply(listing)));
		}
		return spread;
	}

	@Bean
	static RedisCacheManagerBuilderCustomizer listingCache(CacheProperties properties) {
		return (caches) -> caches.withCacheConfiguration(CACHE,
				RedisCaches.json(Listing.class, properties.listingTtl(), properties.absentTtl()));
	}

}
