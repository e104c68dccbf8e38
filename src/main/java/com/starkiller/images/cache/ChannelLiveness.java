package com.starkiller.images.cache;

import java.time.Duration;

/**
 * Whether this instance can prove it hears the invalidation channel: it is subscribed, and one of
 * the echoes it publishes every second came back within the last three seconds. Trust runs out by
 * itself, so an instance whose echo stopped (a lost channel, or the scheduler that sends it being
 * stuck) stops trusting its copies within three seconds.
 */
class ChannelLiveness {

	/** The longest an instance keeps trusting its copies after it last heard the channel. */
	static final Duration ECHO_LIMIT = Duration.ofSeconds(3);

	private static final long ECHO_LIMIT_NANOS = ECHO_LIMIT.toNanos();

	private volatile boolean subscribed;

	/** When the last echo came back; 0 while none has since subscribing. */
	private volatile long echoHeard;

	/** When the echo not heard yet was sent; 0 when none is outstanding. */
	private volatile long echoSent;

	boolean hearsChannel() {
		long heard = this.echoHeard;
		return this.subscribed && heard != 0 && System.nanoTime() - heard < ECHO_LIMIT_NANOS;
	}

	boolean isSubscribed() {
		return this.subscribed;
	}

	void subscribed() {
		this.subscribed = true;
	}

	/** Disconnected: messages published from now on may never arrive. */
	void lost() {
		this.subscribed = false;
		this.echoHeard = 0;
		this.echoSent = 0;
	}

	/** One echo at a time: the next once the last came back, or was given up. */
	boolean echoDue() {
		long sent = this.echoSent;
		return this.subscribed && (sent == 0 || System.nanoTime() - sent >= ECHO_LIMIT_NANOS);
	}

	void echoSent() {
		this.echoSent = System.nanoTime();
	}

	void echoHeard() {
		this.echoHeard = System.nanoTime();
		this.echoSent = 0;
	}

}
