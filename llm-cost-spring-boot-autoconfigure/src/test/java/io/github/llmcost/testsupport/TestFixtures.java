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

package io.github.llmcost.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.core.io.ClassPathResource;

/**
 * Small helpers for the end-to-end tests: recorded provider responses and exported spans.
 *
 * @author llm-cost contributors
 */
public final class TestFixtures {

	private TestFixtures() {
	}

	/**
	 * Read a recorded response body from the test class path.
	 * @param path the resource path
	 * @return the body
	 */
	public static String body(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Flush the tracer provider and return the exported {@code llm.call} spans of a
	 * response model.
	 * @param tracerProvider the tracer provider
	 * @param exporter the in-memory exporter
	 * @param responseModel the response model
	 * @return the spans
	 */
	public static List<SpanData> llmCallSpans(SdkTracerProvider tracerProvider, InMemorySpanExporter exporter,
			String responseModel) {
		tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		return exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().startsWith("llm chat"))
			.filter((span) -> responseModel
				.equals(span.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model"))))
			.toList();
	}

}
