package com.starkiller.images.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers who start uploads (or send a body where none is read) a byte at a time hold no request
 * thread: they are answered at once and their connections closed, so pages keep answering however
 * many there are.
 */
class SlowUploadTest extends IntegrationTest {

	private static final int UPLOADS = 40;

	/** How each slow sender starts: an upload without the token, a page asked with a body, a form to the API. */
	private static final String[] START = {
			"POST /api/listings/{id}/photos HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: multipart/form-data; boundary=slow\r\nContent-Length: 9000000\r\n\r\n"
					+ "--slow\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n",
			"GET /listings/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60000000\r\n\r\nx",
			"PATCH /api/listings/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000000\r\n\r\nname=" };

	private final List<Socket> sockets = new ArrayList<>();

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void hangUp() throws IOException {
		this.trickle.shutdownNow();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void fortySlowUnauthenticatedSendersLeavePagesAnswering() throws IOException {
		for (int i = 0; i < UPLOADS; i++) {
			Socket socket = new Socket("127.0.0.1", this.http.port());
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(START[i % START.length].replace("{id}", Integer.toString(i)).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.sockets.add(socket);
		}
		// Each keeps sending a byte every 200 ms, for as long as its connection is open.
		this.trickle.scheduleAtFixedRate(() -> this.sockets.forEach(SlowUploadTest::oneByte), 0, 200,
				TimeUnit.MILLISECONDS);

		// Every page answers while all forty are still sending (the client waits at most 20 s).
		for (int i = 0; i < 3 * UPLOADS; i++) {
			assertThat(this.http.get("/listings/" + (i % 50)).statusCode()).isEqualTo(200);
		}
		// Every slow sender was answered (or not) and its connection closed, not left waiting for its body.
		for (Socket socket : this.sockets) {
			assertThat(answer(socket.getInputStream())).matches("(HTTP/1.1 [2-4]\\d\\d(?s).*)?");
		}
	}

	private static void oneByte(Socket socket) {
		try {
			socket.getOutputStream().write('x');
			socket.getOutputStream().flush();
		}
		catch (IOException closed) {
			// The server hung up, as it should.
		}
	}

	/** What the server sent before it closed the connection (a reset ends it as well), as text. */
	private static String answer(InputStream in) {
		StringBuilder answer = new StringBuilder();
		try {
			for (int b = in.read(); b != -1; b = in.read()) {
				answer.append((char) b);
			}
		}
		catch (java.net.SocketTimeoutException open) {
			return "still open after 30 s: " + answer;
		}
		catch (IOException reset) {
			// A connection reset after the answer: the server closed it, as it should.
		}
		return answer.toString();
	}

}
