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

package io.github.llmcost.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.ProviderServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests of llm-cost with Spring AI's Anthropic client, over HTTP, against a
 * local server that answers with Anthropic's recorded response bodies.
 *
 * @author llm-cost contributors
 */
@SpringBootTest(classes = AnthropicIntegrationTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.model.chat=anthropic", "spring.ai.model.embedding=none", "spring.ai.model.image=none",
				"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
				"spring.ai.model.moderation=none", "spring.ai.anthropic.api-key=test-key",
				"spring.ai.anthropic.max-retries=0", "spring.ai.anthropic.chat.model=claude-sonnet-4-5",
				"management.endpoints.web.exposure.include=metrics", "management.tracing.sampling.probability=1.0",
				"llm-cost.pricing.models.[claude-sonnet-4-5-20250929].input=3.00",
				"llm-cost.pricing.models.[claude-sonnet-4-5-20250929].output=15.00",
				"llm-cost.pricing.models.[claude-sonnet-4-5-20250929].cached-input=0.30",
				"llm-cost.pricing.models.[claude-sonnet-4-5-20250929].cache-write=3.75",
				"llm-cost.pricing.models.[claude-sonnet-4-5-20250929].cache-write-1h=6.00",
				"llm-cost.pricing.models.[claude-haiku-4-5].input=1.00",
				"llm-cost.pricing.models.[claude-haiku-4-5].output=5.00",
				"llm-cost.pricing.models.[claude-haiku-4-5].cached-input=0.10",
				"llm-cost.pricing.models.[claude-haiku-4-5].cache-write=1.25" })
class AnthropicIntegrationTests {

	private static final WireMockServer anthropic = ProviderServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void anthropicProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.anthropic.base-url", anthropic::baseUrl);
	}

	@Test
	void shouldPriceCallWithCacheReadsAndWritesApartFromInput() {
		anthropic.stubFor(post(urlEqualTo("/v1/messages"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5")))
			.willReturn(okJson(TestFixtures.body("anthropic/message-cached.json"))));
		String content = this.chatClientBuilder.build().prompt().user("Summarize the contract").call().content();
		assertThat(content).isEqualTo("The contract's termination clause requires 30 days of written notice.");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:claude-sonnet-4-5-20250929";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(200);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isEqualTo(3000);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cache_write")).isEqualTo(1000);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(400);
		// 200 * 3.00 + 3000 * 0.30 + 600 * 3.75 (five-minute writes) + 400 * 6.00
		// (one-hour
		// writes) + 400 * 15.00 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.01215, within(1e-15));
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:cache_write")).isEqualTo(0.00465);
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:anthropic", "llm.priced:true")).isEqualTo(1);
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter,
				"claude-sonnet-4-5-20250929");
		assertThat(spans).hasSize(1);
		Attributes attributes = spans.get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(4200L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"))).isEqualTo(3000L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens"))).isEqualTo(1000L);
		assertThat(attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.01215);
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("claude-sonnet-4-5-20250929");
	}

	@Test
	void shouldPriceStreamFromMessageStartAndMessageDelta() {
		anthropic.stubFor(post(urlEqualTo("/v1/messages"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(TestFixtures.body("anthropic/message-stream.txt"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(AnthropicChatOptions.builder().model("claude-haiku-4-5"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from Claude");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:claude-haiku-4-5-20251001";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(120);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isEqualTo(2048);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(250);
		// priced by the request model's entry: 120 * 1.00 + 2048 * 0.10 + 250 * 5.00 per
		// million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0015748, within(1e-15));
		assertThat(metrics.count("llm.call", model)).isEqualTo(1);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
