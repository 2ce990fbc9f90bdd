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
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.LlmUnpricedModelEvent;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.ProviderServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.github.llmcost.testsupport.Usages;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
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
 * End-to-end tests of llm-cost with Spring AI's Ollama client, over HTTP, against a local
 * server that answers with Ollama's {@code /api/chat} response bodies: a local model is
 * priced at zero unless it is given a price.
 *
 * @author llm-cost contributors
 */
@SpringBootTest(classes = OllamaIntegrationTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.model.chat=ollama", "spring.ai.model.embedding=none", "spring.ai.model.image=none",
				"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
				"spring.ai.model.moderation=none", "spring.ai.ollama.chat.model=gemma3",
				"management.endpoints.web.exposure.include=metrics", "management.tracing.sampling.probability=1.0",
				"llm-cost.pricing.models.[llama3.2].input=0.10", "llm-cost.pricing.models.[llama3.2].output=0.20" })
class OllamaIntegrationTests {

	private static final WireMockServer ollama = ProviderServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@Autowired
	private UnpricedModels unpricedModels;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void ollamaProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.ai.ollama.base-url", ollama::baseUrl);
	}

	@Test
	void shouldPriceLocalModelAtZeroWithoutReportingItUnpriced() {
		ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("gemma3")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
			.willReturn(okJson(TestFixtures.body("ollama/chat.json"))));
		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("What is Ollama?")
			.call()
			.chatClientResponse();
		assertThat(response.chatResponse().getResult().getOutput().getText())
			.isEqualTo("Ollama runs large language models on your own machine.");
		// prompt_eval_count and eval_count
		assertThat(response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY)).isEqualTo(Usages.tokens(26, 0, 0, 118, 0));
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		assertThat(cost.total()).isZero();
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gemma3";
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:ollama", "llm.priced:true")).isEqualTo(1);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(118);
		assertThat(metrics.count("llm.cost", model)).isZero();
		assertThat(this.unpricedModels.events()).isEmpty();
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter, "gemma3");
		assertThat(spans).hasSize(1);
		Attributes attributes = spans.get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.source"))).isEqualTo("free-provider");
		assertThat(attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isZero();
	}

	@Test
	void shouldPriceStreamOfLocalModelAtItsConfiguredPrice() {
		ollama.stubFor(post(urlEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("llama3.2")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson")
				.withBody(TestFixtures.body("ollama/chat-stream.ndjson"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(OllamaChatOptions.builder().model("llama3.2"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from Ollama");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:llama3.2";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(1200);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(300);
		// 1200 * 0.10 + 300 * 0.20 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.00018, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:ollama", "llm.priced:true")).isEqualTo(1);
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter, "llama3.2");
		assertThat(spans).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("llm.pricing.source")))
				.isEqualTo("property"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		UnpricedModels unpricedModels() {
			return new UnpricedModels();
		}

	}

	/**
	 * Collects the {@link LlmUnpricedModelEvent} events of the application.
	 */
	static class UnpricedModels {

		private final List<LlmUnpricedModelEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onUnpricedModel(LlmUnpricedModelEvent event) {
			this.events.add(event);
		}

		List<LlmUnpricedModelEvent> events() {
			return this.events;
		}

	}

}
