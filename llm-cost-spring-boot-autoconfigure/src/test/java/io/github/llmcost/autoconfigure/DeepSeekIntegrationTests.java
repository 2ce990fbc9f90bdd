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
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
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
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests of llm-cost with DeepSeek's chat completions, through Spring AI's
 * OpenAI client (the provider tag is therefore {@code openai}), over HTTP, against a
 * local server that answers with DeepSeek's response bodies. Prices come from the bundled
 * catalog.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class DeepSeekIntegrationTests {

	private static final WireMockServer deepSeek = OpenAiServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceReasonerCallWithCacheHitsAndReasoningTokens() {
		deepSeek.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-reasoner")))
			.willReturn(okJson(TestFixtures.body("deepseek/chat-completion-reasoner.json"))));
		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("deepseek-reasoner"))
			.user("Which is smaller, 9.11 or 9.9?")
			.call()
			.chatClientResponse();
		assertThat(response.chatResponse().getResult().getOutput().getText()).isEqualTo("9.11 is smaller than 9.9.");
		// prompt_tokens 900 = 640 cache hits + 260 misses; completion_tokens 1100
		// include 850 reasoning tokens
		assertThat(response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY))
			.isEqualTo(Usages.tokens(260, 640, 0, 250, 850));
		// 260 * 0.28 + 640 * 0.028 + 250 * 0.42 + 850 * 0.42 per million
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		assertThat(cost.total()).isEqualByComparingTo("0.00055272");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:deepseek-reasoner";
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.00055272, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:openai", "llm.priced:true")).isEqualTo(1);
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter, "deepseek-reasoner");
		assertThat(spans).hasSize(1);
		Attributes attributes = spans.get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("deepseek-reasoner");
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.source"))).isEqualTo("builtin");
	}

	@Test
	void shouldPriceStreamFromCacheHitTokensOfItsLastChunk() {
		deepSeek.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-chat")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(TestFixtures.body("deepseek/chat-completion-stream.txt"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("deepseek-chat"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from DeepSeek");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:deepseek-chat";
		// prompt_cache_hit_tokens, without prompt_tokens_details
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(220);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isEqualTo(1280);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(200);
		// 220 * 0.28 + 1280 * 0.028 + 200 * 0.42 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.00018144, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:openai", "llm.priced:true")).isEqualTo(1);
	}

}
