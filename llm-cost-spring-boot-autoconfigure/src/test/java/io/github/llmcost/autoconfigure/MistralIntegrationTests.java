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
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
 * End-to-end tests of llm-cost with Mistral's chat completions, through Spring AI's
 * OpenAI client (the provider tag is therefore {@code openai}), over HTTP, against a
 * local server that answers with Mistral's response bodies. Prices come from the bundled
 * catalog, whose {@code mistral/} entries the response models match without the prefix.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class MistralIntegrationTests {

	private static final WireMockServer mistral = OpenAiServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceCallFromPromptAndCompletionTokens() {
		mistral.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("mistral-small-latest")))
			.willReturn(okJson(TestFixtures.body("mistral/chat-completion.json"))));
		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("mistral-small-latest"))
			.user("What is Spring AI?")
			.call()
			.chatClientResponse();
		assertThat(response.chatResponse().getResult().getOutput().getText())
			.isEqualTo("Spring AI connects Spring applications to AI models.");
		assertThat(response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY))
			.isEqualTo(Usages.tokens(1800, 0, 0, 350, 0));
		// 1800 * 0.06 + 350 * 0.18 per million
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		assertThat(cost.total()).isEqualByComparingTo("0.000171");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:mistral-small-latest";
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.000171, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:openai", "llm.priced:true")).isEqualTo(1);
		assertThat(TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter, "mistral-small-latest"))
			.singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("llm.pricing.entry")))
				.isEqualTo("mistral/mistral-small-latest"));
	}

	@Test
	void shouldPriceStreamFromUsageOfItsFinishChunk() {
		mistral.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("mistral-medium-latest")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(TestFixtures.body("mistral/chat-completion-stream.txt"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("mistral-medium-latest"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from Mistral");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:mistral-medium-latest";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(2400);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(300);
		// 2400 * 1.50 + 300 * 7.50 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.00585, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:openai", "llm.priced:true")).isEqualTo(1);
	}

}
