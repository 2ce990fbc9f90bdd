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

package io.github.llmcost.model;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.llmcost.budget.LlmBudgetExceededException;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests of the pricing of Spring AI's OpenAI embedding and image models, over
 * HTTP, against a local server that answers with OpenAI's response bodies, priced from
 * the bundled catalog. Meters are read from {@code /actuator/metrics} over HTTP and spans
 * from the OpenTelemetry SDK.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class ModelObservationIntegrationTests {

	private static final WireMockServer openAi = OpenAiServer.get();

	@Autowired
	private EmbeddingModel embeddingModel;

	@Autowired
	private ImageModel imageModel;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceEmbeddingsByTheirInputTokens() {
		openAi.stubFor(post(urlEqualTo("/v1/embeddings"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
			.willReturn(okJson(TestFixtures.body("openai/embedding.json"))));
		EmbeddingResponse response = this.embeddingModel
			.call(new EmbeddingRequest(List.of("Spring AI prices embeddings", "by their input tokens"),
					OpenAiEmbeddingOptions.builder().model("text-embedding-3-small").build()));
		assertThat(response.getResults()).hasSize(2);
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:text-embedding-3-small";
		// 1,200 tokens at the catalog's $0.02 per million
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:input")).isCloseTo(0.000024, within(1e-15));
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(1200);
		assertThat(metrics.count("llm.call", model, "gen_ai.operation.name:embedding", "gen_ai.provider.name:openai",
				"gen_ai.request.model:text-embedding-3-small", "llm.priced:true", "error:none"))
			.isEqualTo(1);
		Attributes span = span("llm embedding text-embedding-3-small").getAttributes();
		assertThat(span.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(1200L);
		assertThat(span.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.000024);
		assertThat(span.get(AttributeKey.stringKey("llm.pricing.source"))).isEqualTo("builtin");
		assertThat(span.asMap().values()).noneMatch((value) -> value.toString().contains("input tokens"));
	}

	@Test
	void shouldPriceImagesPerImageAtTheRequestedQualityAndSize() {
		openAi.stubFor(post(urlEqualTo("/v1/images/generations"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-image-1")))
			.willReturn(okJson(TestFixtures.body("openai/image-gpt-image-1.json"))));
		ImageResponse response = this.imageModel.call(new ImagePrompt("A lighthouse at dawn",
				OpenAiImageOptions.builder().model("gpt-image-1").quality("medium").size("1024x1024").n(2).build()));
		assertThat(response.getResults()).hasSize(2);
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gpt-image-1";
		// two images at the catalog's $0.042 for medium/1024-x-1024/gpt-image-1
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:request")).isCloseTo(0.084, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.operation.name:image", "llm.priced:true")).isEqualTo(1);
		Attributes span = span("llm image gpt-image-1").getAttributes();
		assertThat(span.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("medium/1024-x-1024/gpt-image-1");
		assertThat(span.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.084);
	}

	@Test
	void shouldPriceImagesAtTheImageModelsDefaultOptions() {
		openAi.stubFor(post(urlEqualTo("/v1/images/generations"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("dall-e-3")))
			.willReturn(okJson(TestFixtures.body("openai/image-dall-e-3.json"))));
		ImageResponse response = this.imageModel.call(new ImagePrompt("A lighthouse at dawn"));
		assertThat(response.getResults()).hasSize(1);
		openAi.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
			.withRequestBody(matchingJsonPath("$.quality", equalTo("hd")))
			.withRequestBody(matchingJsonPath("$.size", equalTo("1792x1024"))));
		Attributes span = span("llm image dall-e-3").getAttributes();
		// the catalog prices hd 1792x1024 per pixel: 0.00000006539 * 1792 * 1024
		assertThat(span.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("hd/1792-x-1024/dall-e-3");
		assertThat(span.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.11999117312);
	}

	@Test
	void shouldRejectImageCallOverItsBudgetBeforeAnyRequestAndLeaveNoActiveObservation() {
		openAi.stubFor(post(urlEqualTo("/v1/images/generations"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("dall-e-2")))
			.willReturn(okJson(TestFixtures.body("openai/image-dall-e-2.json"))));
		ImagePrompt twoImages = new ImagePrompt("A lighthouse at dawn",
				OpenAiImageOptions.builder().model("dall-e-2").size("1024x1024").n(2).build());
		// two images at 0.000000019 per pixel of 1024x1024 cost 0.039845888 of the 0.05
		// budget: a second pair would exceed it
		assertThat(this.imageModel.call(twoImages).getResults()).hasSize(2);
		assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> this.imageModel.call(twoImages))
			.withMessageContaining("images");
		openAi.verify(1, postRequestedFor(urlEqualTo("/v1/images/generations"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("dall-e-2"))));
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		assertThat(metrics.count("llm.cost", "gen_ai.response.model:dall-e-2")).isCloseTo(0.039845888, within(1e-15));
		assertThat(metrics.count("llm.call", "gen_ai.request.model:dall-e-2", "error:LlmBudgetExceededException"))
			.isEqualTo(1);
		assertThat(this.meterRegistry.find("gen_ai.client.operation.active").longTaskTimers()).isNotEmpty()
			.allSatisfy((timer) -> assertThat(timer.activeTasks()).isZero());
	}

	private SpanData span(String name) {
		this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		List<SpanData> spans = this.spanExporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.toList();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

}
