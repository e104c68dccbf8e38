package com.starkiller.images.cache;

import java.time.Duration;

/**
 * Whether this instance can prove it hears the invalidation channel: it is subscribed, and an echo
 * it published (one a second) within the last three seconds came back. Trust runs out by itself,
 * so an instance whose echo stopped (a lost channel, or the scheduler that sends it being stuck)
 * stops trusting its copies within three seconds; and, as an echo counts from when it was sent, so
 * does one that hears the channel more than three seconds late: an eviction published before the
 * echo has reached it whenever it trusts.
 */
class ChannelLiveness {

	/** The longest an instance keeps trusting its copies after it last heard the channel. */
	static final Duration ECHO_LIMIT = Duration.ofSeconds(3);

	private static final long ECHO_LIMIT_NANOS = ECHO_LIMIT.toNanos();

	private volatile boolean subscribed;

	/** When the latest echo that came back was sent; 0 while none has since subscribing. */
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

	/** An echo is sent now: when, which the echo carries. */
	long echoSent() {
		long now = System.nanoTime();
		this.echoSent = now;
		return now;
	}

	/** The echo sent at that time came back. */
	void echoHeard(long sentAt) {
		long heard = this.echoHeard;
		if (heard == 0 || sentAt - heard > 0) {
			this.echoHeard = sentAt;
		}
		if (sentAt == this.echoSent) {
			this.echoSent = 0;
		}
	}

}
