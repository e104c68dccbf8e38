package com.starkiller.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.starkiller.images.embedded.FreePorts;

/**
 * A TCP proxy in front of a server that a test can freeze: connections stay open and accepted,
 * but no byte moves in either direction until it thaws, as with a server that hangs
 * (SIGSTOP) rather than one that is gone. It can also cut every connection that sends a given
 * text (a collection's name, say), as a network that fails some requests and not others, or hold
 * each such request a while, as a slow server.
 */
public final class FreezableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private volatile boolean frozen;

	/** Whether bytes arrived since the last freeze and wait at the gate. */
	private volatile boolean holding;

	/** A client's bytes that close their connection instead of reaching the server; null for none. */
	private volatile byte[] cutOn;

	/** A client's bytes that reach the server and then freeze the proxy: {@link #freezeOnceSent}. */
	private volatile byte[] freezeAfter;

	/** Whether the next cut is the last: {@link #cutOnceWhenSent}. */
	private volatile boolean once;

	private final AtomicInteger cuts = new AtomicInteger();

	/** A client's bytes that are held {@link #slowFor} before they reach the server; null for none. */
	private volatile byte[] slowOn;

	private volatile long slowFor;

	private final AtomicInteger slowed = new AtomicInteger();

	private final AtomicLong firstSlowed = new AtomicLong();

	public FreezableProxy(String host, int port) {
		this.target = new InetSocketAddress(host, port);
		try {
			this.server = new ServerSocket();
			this.server.bind(new InetSocketAddress(FreePorts.LOOPBACK, 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon(this::accept);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void freeze() {
		this.frozen = true;
	}

	public void thaw() {
		synchronized (this.gate) {
			this.frozen = false;
			this.holding = false;
			this.gate.notifyAll();
		}
	}

	/**
	 * From now on, a connection whose client sends this text (in one read) is closed before the
	 * text reaches the server; {@code null} lets everything through again.
	 */
	public void cutWhenSent(String text) {
		this.once = false;
		this.cutOn = (text != null) ? text.getBytes(StandardCharsets.US_ASCII) : null;
	}

	/** As {@link #cutWhenSent}, for the first such connection only: a request that fails once. */
	public void cutOnceWhenSent(String text) {
		this.once = true;
		this.cutOn = text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The first time a client sends this text (in one read), it reaches the server, and then the
	 * proxy freezes: the server has the request, but its answer does not come back, as when a server
	 * hangs right after applying a write.
	 */
	public void freezeOnceSent(String text) {
		this.freezeAfter = text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * From now on, what a client sends (in one read) that holds this text reaches the server only
	 * after this delay, as a server slow to answer those requests; {@code null} lets everything
	 * through at once again.
	 */
	public void slowWhenSent(String text, Duration delay) {
		this.slowFor = delay.toNanos();
		this.slowOn = (text != null) ? text.getBytes(StandardCharsets.US_ASCII) : null;
	}

	/** How many requests were slowed so far. */
	public int slowed() {
		return this.slowed.get();
	}

	/** When the first request was slowed ({@link System#nanoTime}); 0 before any was. */
	public long firstSlowed() {
		return this.firstSlowed.get();
	}

	/** How many connections were cut so far. */
	public int cuts() {
		return this.cuts.get();
	}

	/** Whether, frozen, it holds bytes sent since the freeze: a request that is waiting for its answer. */
	public boolean isHolding() {
		return this.holding;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getHostString(), this.target.getPort());
				this.sockets.add(client);
				this.sockets.add(upstream);
				daemon(() -> pipe(client, upstream, true));
				daemon(() -> pipe(upstream, client, false));
			}
			catch (IOException ex) {
				// Closed, or the target refused: the client sees its connection fail.
			}
		}
	}

	private void pipe(Socket from, Socket to, boolean fromClient) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				waitWhileFrozen();
				if (fromClient && cut(buffer, read)) {
					break;
				}
				if (fromClient) {
					slow(buffer, read);
					freezeIfSending(buffer, read);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// One side closed: the other follows.
		}
		finally {
			close(from);
			close(to);
		}
	}

	private synchronized boolean cut(byte[] buffer, int length) {
		if (!contains(buffer, length, this.cutOn)) {
			return false;
		}
		this.cuts.incrementAndGet();
		if (this.once) {
			this.cutOn = null;
		}
		return true;
	}

	// Frozen before the bytes go on, so the server's answer cannot slip through first.
	private synchronized void freezeIfSending(byte[] buffer, int length) {
		if (contains(buffer, length, this.freezeAfter)) {
			this.freezeAfter = null;
			this.frozen = true;
		}
	}

	private void slow(byte[] buffer, int length) throws InterruptedException {
		if (contains(buffer, length, this.slowOn)) {
			this.firstSlowed.compareAndSet(0, System.nanoTime());
			this.slowed.incrementAndGet();
			TimeUnit.NANOSECONDS.sleep(this.slowFor);
		}
	}

	private static boolean contains(byte[] buffer, int length, byte[] text) {
		if (text == null) {
			return false;
		}
		for (int start = 0; start + text.length <= length; start++) {
			if (Arrays.equals(buffer, start, start + text.length, text, 0, text.length)) {
				return true;
			}
		}
		return false;
	}

	private void waitWhileFrozen() throws InterruptedException {
		synchronized (this.gate) {
			while (this.frozen) {
				this.holding = true;
				this.gate.wait();
			}
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "freezable-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() {
		thaw();
		close(this.server);
		this.sockets.forEach(FreezableProxy::close);
	}

	private static void close(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

}
