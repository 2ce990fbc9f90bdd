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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.budget.LlmBudgetExceededException;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

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
 * Tests that every chat call is priced exactly once whichever Spring AI API makes it: the
 * auto-configured {@code ChatClient.Builder}, {@code ChatModel.call} and
 * {@code ChatModel.stream}, {@code ChatClient.create}, a hand-built builder, and a
 * builder that has the advisor twice. Each path calls its own request model, so that its
 * {@code llm.call} and {@code llm.cost} series are its own, and the responses name a
 * model version that no other test of the shared context counts.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class ChatPathsIntegrationTests {

	private static final WireMockServer openAi = OpenAiServer.get();

	// 600 input, 400 cached, 400 output and 100 reasoning tokens of gpt-4o-2024-08-06
	private static final double CALL_COST = 0.0070;

	// 976 input, 1024 cached and 300 output tokens of gpt-4o-mini-2024-07-18
	private static final double STREAM_COST = 0.0004032;

	// the same stream seen only through Spring AI's chat model observation, whose
	// aggregated usage has only totals: 2000 prompt tokens at the input price
	private static final double AGGREGATED_STREAM_COST = 0.00048;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private LlmCostAdvisor llmCostAdvisor;

	@LocalServerPort
	private int port;

	@Test
	void autoConfiguredChatClientCallIsPricedOnce() {
		assertCallPricedOnce("path-auto-configured", (model) -> call(this.chatClientBuilder.build(), model));
	}

	@Test
	void chatModelCallIsPricedOnce() {
		assertCallPricedOnce("path-chat-model",
				(model) -> this.chatModel.call(new Prompt("Hi", OpenAiChatOptions.builder().model(model).build()))
					.getResult()
					.getOutput()
					.getText());
	}

	@Test
	void chatClientCreateCallIsPricedOnce() {
		assertCallPricedOnce("path-create", (model) -> call(ChatClient.create(this.chatModel), model));
	}

	@Test
	void handBuiltChatClientCallIsPricedOnce() {
		assertCallPricedOnce("path-hand-built", (model) -> call(ChatClient.builder(this.chatModel).build(), model));
	}

	@Test
	void chatClientWithTheAdvisorTwiceIsPricedOnce() {
		assertCallPricedOnce("path-advisor-twice",
				(model) -> call(this.chatClientBuilder.build().mutate().defaultAdvisors(this.llmCostAdvisor).build(),
						model));
	}

	@Test
	void autoConfiguredChatClientStreamIsPricedOnce() {
		assertStreamPricedOnce("path-stream-auto-configured", STREAM_COST,
				(model) -> stream(this.chatClientBuilder.build(), model));
	}

	@Test
	void chatModelStreamIsPricedOnceFromAggregatedUsage() {
		assertStreamPricedOnce("path-stream-chat-model", AGGREGATED_STREAM_COST,
				(model) -> this.chatModel.stream(new Prompt("Hi", OpenAiChatOptions.builder().model(model).build()))
					.map(ChatResponse::getResults)
					.collectList()
					.block());
	}

	@Test
	void handBuiltChatClientStreamIsPricedOnceFromAggregatedUsage() {
		assertStreamPricedOnce("path-stream-hand-built", AGGREGATED_STREAM_COST,
				(model) -> stream(ChatClient.builder(this.chatModel).build(), model));
	}

	@Test
	void chatClientStreamWithTheAdvisorTwiceIsPricedOnce() {
		assertStreamPricedOnce("path-stream-advisor-twice", STREAM_COST,
				(model) -> stream(this.chatClientBuilder.build().mutate().defaultAdvisors(this.llmCostAdvisor).build(),
						model));
	}

	@Test
	void streamWithoutUsageIsEstimatedNotDropped() {
		String model = "path-stream-no-usage";
		stubStreamWithoutUsage(model, "gpt-4o-mini-2031-03-03");
		String answer = String.join("",
				this.chatClientBuilder.build()
					.prompt()
					.options(OpenAiChatOptions.builder().model(model).streamUsage(false))
					.user("Say hello to the stream")
					.stream()
					.content()
					.collectList()
					.block());
		assertThat(answer).isEqualTo("Hello from the stream");
		JTokkitTokenCountEstimator jtokkit = new JTokkitTokenCountEstimator();
		long input = jtokkit.estimate("Say hello to the stream");
		long output = jtokkit.estimate(answer);
		// gpt-4o-mini: 0.15 input and 0.60 output per million tokens
		double cost = new BigDecimal("0.15").multiply(BigDecimal.valueOf(input))
			.add(new BigDecimal("0.60").multiply(BigDecimal.valueOf(output)))
			.movePointLeft(6)
			.doubleValue();
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String requestModel = "gen_ai.request.model:" + model;
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			assertThat(metrics.count("llm.call", requestModel, "llm.usage.source:estimated")).isEqualTo(1);
			assertThat(metrics.count("llm.tokens", requestModel, "llm.token.type:input", "llm.usage.source:estimated"))
				.isEqualTo(input);
			assertThat(metrics.count("llm.tokens", requestModel, "llm.token.type:output", "llm.usage.source:estimated"))
				.isEqualTo(output);
			assertThat(metrics.count("llm.cost", requestModel, "llm.usage.source:estimated")).isCloseTo(cost,
					within(1e-15));
		});
		Map<?, ?> spend = (Map<?, ?>) ((Map<?, ?>) llmCost().get("models")).get("gpt-4o-mini-2031-03-03");
		assertThat(spend.get("estimatedCalls")).isEqualTo(1);
		assertThat(new BigDecimal((String) spend.get("estimatedCost")).doubleValue()).isEqualTo(cost);
	}

	@Test
	void chatModelStreamWithoutUsageIsEstimatedNotDropped() {
		String model = "path-stream-chat-model-no-usage";
		stubStreamWithoutUsage(model, "gpt-4o-mini-2031-04-04");
		List<ChatResponse> chunks = this.chatModel
			.stream(new Prompt("Say hello to the stream",
					OpenAiChatOptions.builder().model(model).streamUsage(false).build()))
			.collectList()
			.block();
		assertThat(chunks).isNotEmpty();
		JTokkitTokenCountEstimator jtokkit = new JTokkitTokenCountEstimator();
		long input = jtokkit.estimate("Say hello to the stream");
		long output = jtokkit.estimate("Hello from the stream");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String requestModel = "gen_ai.request.model:" + model;
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			assertThat(metrics.count("llm.call", requestModel, "llm.usage.source:estimated")).isEqualTo(1);
			assertThat(metrics.count("llm.tokens", requestModel, "llm.token.type:input", "llm.usage.source:estimated"))
				.isEqualTo(input);
			assertThat(metrics.count("llm.tokens", requestModel, "llm.token.type:output", "llm.usage.source:estimated"))
				.isEqualTo(output);
		});
	}

	private static String call(ChatClient chatClient, String model) {
		return chatClient.prompt().options(OpenAiChatOptions.builder().model(model)).user("Hi").call().content();
	}

	private static List<String> stream(ChatClient chatClient, String model) {
		return chatClient.prompt()
			.options(OpenAiChatOptions.builder().model(model))
			.user("Hi")
			.stream()
			.content()
			.collectList()
			.block();
	}

	// OpenAI's stream of gpt-4o-mini without its trailing usage chunk
	private static void stubStreamWithoutUsage(String model, String responseModel) {
		String body = Arrays.stream(TestFixtures.body("openai/chat-completion-stream.txt").split("\n\n"))
			.filter((event) -> !event.contains("\"usage\":{"))
			.collect(Collectors.joining("\n\n"))
			.replace("gpt-4o-mini-2024-07-18", responseModel);
		openAi.stubFor(
				post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
					.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
	}

	private Map<?, ?> llmCost() {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/llmcost")
			.retrieve()
			.body(Map.class);
	}

	@Test
	void budgetRejectsDirectChatModelCallBeforeAnyRequest() {
		Prompt prompt = new Prompt("Summarize the whole archive",
				OpenAiChatOptions.builder().model("direct-budget-model").build());
		assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> this.chatModel.call(prompt))
			.satisfies((ex) -> assertThat(ex.getBudget()).isEqualTo("direct-calls"));
		openAi.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("direct-budget-model"))));
	}

	private void assertCallPricedOnce(String model, Function<String, Object> call) {
		openAi.stubFor(
				post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
					.willReturn(okJson(TestFixtures.body("openai/chat-completion-cached-reasoning.json")
						.replace("gpt-4o-2024-08-06", "gpt-4o-2031-01-01"))));
		assertThat(call.apply(model)).isNotNull();
		assertPricedOnce(model, CALL_COST);
	}

	private void assertStreamPricedOnce(String model, double cost, Function<String, List<?>> stream) {
		openAi.stubFor(
				post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
					.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
					.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
						.withBody(TestFixtures.body("openai/chat-completion-stream.txt")
							.replace("gpt-4o-mini-2024-07-18", "gpt-4o-mini-2031-01-01"))));
		assertThat(stream.apply(model)).isNotEmpty();
		// the model's observation of a stream stops just after the stream completes, on
		// the thread that completed it
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertPricedOnce(model, cost));
	}

	private void assertPricedOnce(String model, double cost) {
		openAi.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo(model))));
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String requestModel = "gen_ai.request.model:" + model;
		assertThat(metrics.count("llm.call", requestModel)).isEqualTo(1);
		assertThat(metrics.count("llm.cost", requestModel)).isCloseTo(cost, within(1e-15));
	}

}
