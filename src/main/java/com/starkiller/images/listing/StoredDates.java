package com.starkiller.images.listing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * A review's day stored as its midnight in UTC, by the MongoDB driver's own java.time codecs.
 * Spring Data's default converts through the writing JVM's time zone, so an instance in one zone
 * read a day that another, in a zone east of it, had written as the day before.
 */
@Configuration(proxyBeanMethods = false)
class StoredDates {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create((conversions) -> conversions.useNativeDriverJavaTimeCodecs());
	}

}
