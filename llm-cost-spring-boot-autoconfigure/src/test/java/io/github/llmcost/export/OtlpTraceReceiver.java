/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A receiver of OTLP/HTTP traces on a loopback port: it decodes each protobuf
 * {@code ExportTraceServiceRequest} posted to {@code /v1/traces} and keeps its spans.
 *
 * @author llm-cost contributors
 */
final class OtlpTraceReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Span> spans = new CopyOnWriteArrayList<>();

	private OtlpTraceReceiver(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	/**
	 * Start a receiver.
	 * @param port the port to listen on
	 * @return the running receiver
	 */
	static OtlpTraceReceiver start(int port) {
		return new OtlpTraceReceiver(port);
	}

	/**
	 * Return the spans received so far.
	 * @return the spans
	 */
	List<Span> spans() {
		return List.copyOf(this.spans);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())
					|| !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			try (InputStream body = exchange.getRequestBody()) {
				ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
				request.getResourceSpansList()
					.forEach((resourceSpans) -> resourceSpans.getScopeSpansList()
						.forEach((scopeSpans) -> this.spans.addAll(scopeSpans.getSpansList())));
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
