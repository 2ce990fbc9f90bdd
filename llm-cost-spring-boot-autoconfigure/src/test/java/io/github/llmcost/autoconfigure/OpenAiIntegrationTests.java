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

import java.math.BigDecimal;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.errors.BadRequestException;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.advisor.LlmCostConversationAdvisor;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.github.llmcost.usage.TokenUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
 * End-to-end tests of llm-cost with Spring AI's OpenAI client, over HTTP, against a local
 * server that answers with OpenAI's recorded response bodies. Meters are read from
 * {@code /actuator/metrics} over HTTP and spans from the OpenTelemetry SDK.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class OpenAiIntegrationTests {

	private static final WireMockServer openAi = OpenAiServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceCallWithCachedAndReasoningTokens() {
		openAi.stubFor(
				post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o")))
					.willReturn(okJson(TestFixtures.body("openai/chat-completion-cached-reasoning.json"))));
		String content = this.chatClientBuilder.build().prompt().user("What is Spring AI?").call().content();
		assertThat(content).isEqualTo("Spring AI is a framework for building AI applications with Spring.");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gpt-4o-2024-08-06";
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0070, within(1e-15));
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:input")).isEqualTo(0.0015);
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:cached_input")).isEqualTo(0.0005);
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:output")).isEqualTo(0.004);
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:reasoning")).isEqualTo(0.001);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(600);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isEqualTo(400);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(400);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:reasoning")).isEqualTo(100);
		assertThat(metrics.count("llm.call", model, "llm.priced:true", "gen_ai.provider.name:openai",
				"gen_ai.request.model:gpt-4o", "error:none"))
			.isEqualTo(1);
		assertThat(metrics.statistic("llm.call.cost", "TOTAL", "gen_ai.request.model:gpt-4o", "currency:USD"))
			.isCloseTo(0.0070, within(1e-15));
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter, "gpt-4o-2024-08-06");
		assertThat(spans).hasSize(1);
		Attributes attributes = spans.get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(1000L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(500L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"))).isEqualTo(400L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens"))).isZero();
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens"))).isEqualTo(100L);
		assertThat(attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.007);
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.usage.cost.currency"))).isEqualTo("USD");
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.usage.cost.source"))).isEqualTo("local");
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("gpt-4o");
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
		assertThat(attributes.asMap().values()).noneMatch((value) -> value.toString().contains("Spring AI"));
	}

	@Test
	void shouldPriceStreamFromItsTrailingUsageChunk() {
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(TestFixtures.body("openai/chat-completion-stream.txt"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("gpt-4o-mini"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from the stream");
		openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gpt-4o-mini-2024-07-18";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(976);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isEqualTo(1024);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(300);
		// 976 * 0.15 + 1024 * 0.075 + 300 * 0.60 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0004032, within(1e-15));
		assertThat(metrics.count("llm.call", model)).isEqualTo(1);
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter,
				"gpt-4o-mini-2024-07-18");
		assertThat(spans).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
				.isEqualTo(2000L));
	}

	@Test
	void shouldPriceEachRoundOfToolCallingConversationOnce() {
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(2)
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1")))
			.willReturn(okJson(TestFixtures.body("openai/chat-completion-tool-call.json"))));
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1")))
			.withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
			.willReturn(okJson(TestFixtures.body("openai/chat-completion-after-tool.json"))));
		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("gpt-4.1"))
			.user("What is the weather in Paris?")
			.tools(new WeatherTools())
			.call()
			.chatClientResponse();
		assertThat(response.chatResponse().getResult().getOutput().getText())
			.isEqualTo("It is 18 degrees and sunny in Paris.");
		// the response context carries the whole call: 0.00036 + 0.00054, each round too
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		assertThat(cost).isNotNull();
		assertThat(cost.total()).isEqualByComparingTo("0.0009");
		TokenUsage usage = (TokenUsage) response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY);
		assertThat(usage).isNotNull();
		assertThat(usage.promptTokens()).isEqualTo(250);
		assertThat(usage.completionTokens()).isEqualTo(50);
		List<?> rounds = (List<?>) response.context().get(LlmCostConversationAdvisor.ROUNDS_CONTEXT_KEY);
		assertThat(rounds).hasSize(2)
			.extracting((round) -> ((PricedCall) round).cost().total())
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("0.00036"), new BigDecimal("0.00054"));
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gpt-4.1-2025-04-14";
		assertThat(metrics.count("llm.call", model)).isEqualTo(2);
		// two rounds, each with its own usage: 100 + 20 tokens, then 150 + 30; outside
		// the
		// loop the advisor would see one call with the summed usage and no native usage
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(250);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(50);
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0009, within(1e-15));
		assertThat(metrics.statistic("llm.call.cost", "COUNT", "gen_ai.request.model:gpt-4.1")).isEqualTo(2);
	}

	@Test
	void shouldPassModelErrorThroughAndRecordIt() {
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-too-long")))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(TestFixtures.body("openai/error-invalid-request.json"))));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.chatClientBuilder.build()
				.prompt()
				.options(OpenAiChatOptions.builder().model("gpt-4o-too-long"))
				.user("A very long prompt")
				.call()
				.content())
			.withMessageContaining("maximum context length");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		assertThat(metrics.count("llm.call", "gen_ai.request.model:gpt-4o-too-long", "error:BadRequestException",
				"llm.priced:false"))
			.isEqualTo(1);
	}

	static class WeatherTools {

		@Tool(description = "Current weather in a city")
		String currentWeather(String city) {
			return "18 degrees and sunny in " + city;
		}

	}

}
