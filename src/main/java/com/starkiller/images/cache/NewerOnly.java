package com.starkiller.images.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.util.ByteUtils;

/**
 * Puts a {@link Versioned} value into Redis only if Redis holds no newer version of it, in one
 * Lua script on one key (so it also runs on a Redis Cluster): two writes that reach Redis in the
 * other order than MongoDB applied them still leave the newest there.
 */
class NewerOnly {

	private static final RedisScript<Long> SCRIPT = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
			  local ok, held = pcall(cjson.decode, current)
			  if ok and type(held) == 'table' and tonumber(held['version'])
			      and tonumber(held['version']) >= tonumber(ARGV[2]) then
			    return 0
			  end
			end
			if tonumber(ARGV[3]) > 0 then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
			else
			  redis.call('SET', KEYS[1], ARGV[1])
			end
			return 1
			""", Long.class);

	private final RedisTemplate<byte[], byte[]> redis = new RedisTemplate<>();

	NewerOnly(RedisConnectionFactory connections) {
		this.redis.setConnectionFactory(connections);
		this.redis.setKeySerializer(RedisSerializer.byteArray());
		this.redis.setValueSerializer(RedisSerializer.byteArray());
		this.redis.afterPropertiesSet();
	}

	/** Deletes these keys of the cache in one command. */
	void deleteAll(RedisCache cache, Collection<?> keys) {
		this.redis.delete(keys.stream().map((key) -> keyBytes(cache, key)).toList());
	}

	/** Whether the value was put (false: Redis holds this version or a newer one). */
	boolean put(RedisCache cache, Object key, Versioned value) {
		RedisCacheConfiguration config = cache.getCacheConfiguration();
		byte[] keyBytes = keyBytes(cache, key);
		byte[] valueBytes = ByteUtils.getBytes(config.getValueSerializationPair().write(value));
		Duration ttl = config.getTtlFunction().getTimeToLive(key, value);
		Long put = this.redis.execute(SCRIPT, List.of(keyBytes), valueBytes, text(value.version()),
				text((ttl != null) ? ttl.toMillis() : 0));
		return put != null && put == 1;
	}

	private static byte[] keyBytes(RedisCache cache, Object key) {
		RedisCacheConfiguration config = cache.getCacheConfiguration();
		String cacheKey = config.getKeyPrefixFor(cache.getName()) + config.getConversionService().convert(key, String.class);
		return ByteUtils.getBytes(config.getKeySerializationPair().write(cacheKey));
	}

	private static byte[] text(long number) {
		return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
	}

}
