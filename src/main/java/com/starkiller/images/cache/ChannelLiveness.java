package com.starkiller.images.cache;

import java.util.concurrent.TimeUnit;

/**
 * Whether this instance can prove it hears the invalidation channel: it is subscribed, and the
 * echo it publishes every second came back within three seconds. An echo merely not sent yet (a
 * busy instance) does not count against it; one overdue means the channel is lost.
 */
class ChannelLiveness {

	private static final long ECHO_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);

	private volatile boolean subscribed;

	private volatile boolean echoHeard;

	/** When the echo not heard yet was sent; 0 when none is outstanding. */
	private volatile long echoSent;

	boolean hearsChannel() {
		long sent = this.echoSent;
		return this.subscribed && this.echoHeard && (sent == 0 || System.nanoTime() - sent < ECHO_LIMIT_NANOS);
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
		this.echoHeard = false;
		this.echoSent = 0;
	}

	boolean echoDue() {
		return this.subscribed && this.echoSent == 0;
	}

	void echoSent() {
		this.echoSent = System.nanoTime();
	}

	void echoHeard() {
		this.echoHeard = true;
		this.echoSent = 0;
	}

	/** Distrusts the channel until a new echo comes back, if the last one is overdue. */
	void expireOverdueEcho() {
		long sent = this.echoSent;
		if (sent != 0 && System.nanoTime() - sent >= ECHO_LIMIT_NANOS) {
			this.echoHeard = false;
			this.echoSent = 0;
		}
	}

}
