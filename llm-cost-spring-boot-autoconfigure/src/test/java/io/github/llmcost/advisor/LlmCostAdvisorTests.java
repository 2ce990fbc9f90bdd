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

package io.github.llmcost.advisor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.openai.core.ObjectMappers;
import com.openai.models.completions.CompletionUsage;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetClaim;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.BudgetStore.CrossedThreshold;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.budget.LlmBudgetExceededException;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.testsupport.Usages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link LlmCostAdvisor}.
 *
 * @author llm-cost contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmCostAdvisorTests {

	private static final ModelPrice GPT_4O = ModelPrice.builder()
		.input(new BigDecimal("2.50"))
		.output(new BigDecimal("10.00"))
		.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
		.build();

	private static final ModelPriceResolver PRICES = (model) -> model.startsWith("gpt-4o")
			? new ResolvedPrice("gpt-4o", ResolvedPrice.SOURCE_PROPERTY, GPT_4O) : null;

	private final ChatModel chatModel = mock(ChatModel.class);

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final LlmCostRecorder recorder = new LlmCostRecorder(List.of(new LlmCostMeterRecorder(this.meterRegistry)));

	private final TestObservationRegistry observationRegistry = TestObservationRegistry.builder()
		.validateObservationsWithTheSameNameHavingTheSameSetOfLowCardinalityKeys(true)
		.build();

	LlmCostAdvisorTests() {
		given(this.chatModel.getOptions()).willReturn(ChatOptions.builder().model("gpt-4o").build());
	}

	@Test
	void shouldRecordCostPerTokenTypeOfCall() throws Exception {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(response("Hello", "gpt-4o-2024-08-06", openAiUsage(1000, 400, 500, 100)));
		String content = chatClient(PRICES).prompt().user("Hi").call().content();
		assertThat(content).isEqualTo("Hello");
		assertThat(cost("input")).isEqualTo(0.0015);
		assertThat(cost("cached_input")).isEqualTo(0.0005);
		assertThat(cost("output")).isEqualTo(0.004);
		assertThat(cost("reasoning")).isEqualTo(0.001);
		assertThat(this.meterRegistry.get("llm.call.cost").summary().totalAmount()).isEqualTo(0.007);
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "none")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "gpt-4o")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "gpt-4o-2024-08-06")
			.hasLowCardinalityKeyValue("llm.priced", "true")
			.hasHighCardinalityKeyValue("gen_ai.usage.cost.source", "local")
			.hasHighCardinalityKeyValue("llm.pricing.entry", "gpt-4o");
	}

	@Test
	void shouldExposeUsageAndCostOfCallInResponseContext() throws Exception {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(response("Hello", "gpt-4o-2024-08-06", openAiUsage(1000, 400, 500, 100)));
		ChatClientResponse response = chatClient(PRICES).prompt().user("Hi").call().chatClientResponse();
		assertThat(response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY))
			.isEqualTo(Usages.tokens(600, 400, 0, 400, 100));
		assertThat(((LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY)).total())
			.isEqualByComparingTo("0.0070");
	}

	@Test
	void shouldPriceStreamOnceWhenItCompletesAndPassChunksThrough() throws Exception {
		given(this.chatModel.stream(any(Prompt.class))).willReturn(Flux.just(chunk("Hel"), chunk("lo"),
				response("", "gpt-4o-2024-08-06", openAiUsage(1000, 400, 500, 100))));
		List<ChatResponse> chunks = chatClient(PRICES).prompt()
			.user("Hi")
			.stream()
			.chatResponse()
			.collectList()
			.block();
		assertThat(chunks).extracting((chunk) -> chunk.getResult().getOutput().getText())
			.containsExactly("Hel", "lo", "");
		assertThat(this.meterRegistry.get("llm.call.cost").summary().count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("llm.call.cost").summary().totalAmount()).isEqualTo(0.007);
		assertThat(tokens("cached_input")).isEqualTo(400);
		assertThat(this.observationRegistry).hasNumberOfObservationsWithNameEqualTo("llm.call", 1);
	}

	@Test
	void shouldPriceStreamThatFailsWithTheUsageReportedByThen() throws Exception {
		IllegalStateException failure = new IllegalStateException("connection reset");
		given(this.chatModel.stream(any(Prompt.class))).willReturn(
				Flux.concat(Flux.just(chunk("Hel"), response("", "gpt-4o-2024-08-06", openAiUsage(1000, 0, 10, 0))),
						Flux.error(failure)));
		assertThatIllegalStateException()
			.isThrownBy(() -> chatClient(PRICES).prompt().user("Hi").stream().content().blockLast())
			.isSameAs(failure);
		assertThat(tokens("input")).isEqualTo(1000);
		assertThat(tokens("output")).isEqualTo(10);
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasBeenStopped()
			.assertThatError()
			.isSameAs(failure);
	}

	@Test
	void shouldPriceStreamThatIsCancelledWithTheUsageReportedByThen() throws Exception {
		given(this.chatModel.stream(any(Prompt.class))).willReturn(
				Flux.concat(Flux.just(response("Hel", "gpt-4o-2024-08-06", openAiUsage(500, 0, 1, 0))), Flux.never()));
		String first = chatClient(PRICES).prompt()
			.user("Hi")
			.stream()
			.content()
			.take(1)
			.blockFirst(Duration.ofSeconds(10));
		assertThat(first).isEqualTo("Hel");
		assertThat(tokens("input")).isEqualTo(500);
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call").that().hasBeenStopped();
	}

	@Test
	void shouldEstimateStreamCancelledBeforeItsUsage() {
		given(this.chatModel.stream(any(Prompt.class)))
			.willReturn(Flux.concat(Flux.just(modelChunk("Hello there")), Flux.never()));
		String first = chatClient(PRICES).prompt()
			.user("What is the capital of France?")
			.stream()
			.content()
			.take(1)
			.blockFirst(Duration.ofSeconds(10));
		assertThat(first).isEqualTo("Hello there");
		assertEstimated("What is the capital of France?", "Hello there");
	}

	@Test
	void shouldEstimateStreamThatFailsBeforeItsUsage() {
		IllegalStateException failure = new IllegalStateException("connection reset");
		given(this.chatModel.stream(any(Prompt.class)))
			.willReturn(Flux.concat(Flux.just(modelChunk("Hello"), modelChunk(" there")), Flux.error(failure)));
		assertThatIllegalStateException().isThrownBy(
				() -> chatClient(PRICES).prompt().user("What is the capital of France?").stream().content().blockLast())
			.isSameAs(failure);
		assertEstimated("What is the capital of France?", "Hello there");
	}

	@Test
	void shouldEstimateStreamThatCompletesWithoutUsage() {
		given(this.chatModel.stream(any(Prompt.class)))
			.willReturn(Flux.just(modelChunk("Hello"), modelChunk(" there"), modelChunk("")));
		chatClient(PRICES).prompt().user("What is the capital of France?").stream().content().blockLast();
		assertEstimated("What is the capital of France?", "Hello there");
	}

	@Test
	void shouldNotEstimateStreamRefusedBeforeAnyAnswer() {
		IllegalStateException refused = new IllegalStateException("400 Bad Request");
		given(this.chatModel.stream(any(Prompt.class))).willReturn(Flux.error(refused));
		assertThatIllegalStateException()
			.isThrownBy(() -> chatClient(PRICES).prompt().user("Hi").stream().content().blockLast())
			.isSameAs(refused);
		assertThat(this.meterRegistry.find("llm.tokens").meters()).isEmpty();
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasLowCardinalityKeyValue("llm.usage.source", "reported")
			.hasLowCardinalityKeyValue("llm.priced", "false");
	}

	private void assertEstimated(String prompt, String answer) {
		JTokkitTokenCountEstimator jtokkit = new JTokkitTokenCountEstimator();
		double input = jtokkit.estimate(prompt);
		double output = jtokkit.estimate(answer);
		assertThat(input).isPositive();
		assertThat(output).isPositive();
		assertThat(this.meterRegistry.get("llm.tokens")
			.tags("llm.token.type", "input", "llm.usage.source", "estimated")
			.counter()
			.count()).isEqualTo(input);
		assertThat(this.meterRegistry.get("llm.tokens")
			.tags("llm.token.type", "output", "llm.usage.source", "estimated")
			.counter()
			.count()).isEqualTo(output);
		// gpt-4o: 2.50 input and 10.00 output per million tokens
		assertThat(this.meterRegistry.get("llm.call.cost").summary().totalAmount())
			.isEqualTo(new BigDecimal("2.50").multiply(BigDecimal.valueOf((long) input))
				.add(new BigDecimal("10.00").multiply(BigDecimal.valueOf((long) output)))
				.movePointLeft(6)
				.doubleValue());
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("llm.usage.source", "estimated")
			.hasHighCardinalityKeyValue("gen_ai.usage.cost.source", "estimated");
	}

	private static ChatResponse modelChunk(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
				ChatResponseMetadata.builder().model("gpt-4o-2024-08-06").build());
	}

	@Test
	void shouldKeepLargestOfCumulativeUsageChunks() {
		given(this.chatModel.stream(any(Prompt.class)))
			.willReturn(Flux.just(response("a", "gpt-4o", new DefaultUsage(100, 1)), chunk("b"),
					response("c", "gpt-4o", new DefaultUsage(100, 50))));
		chatClient(PRICES).prompt().user("Hi").stream().content().blockLast();
		assertThat(tokens("input")).isEqualTo(100);
		assertThat(tokens("output")).isEqualTo(50);
	}

	@Test
	void shouldRecordUnpricedModelWithTokensWithoutCostAndWarnOnce(CapturedOutput output) {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(response("Hello", "mystery-model", new DefaultUsage(10, 5)));
		ChatClient chatClient = chatClient(PRICES);
		chatClient.prompt().options(ChatOptions.builder().model("mystery-model")).user("Hi").call().content();
		chatClient.prompt().options(ChatOptions.builder().model("mystery-model")).user("Hi again").call().content();
		assertThat(tokens("input")).isEqualTo(20);
		assertThat(this.meterRegistry.find("llm.cost").meters()).isEmpty();
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasLowCardinalityKeyValue("llm.priced", "false")
			.hasHighCardinalityKeyValue("gen_ai.usage.cost.source", "unpriced");
		assertThat(output.getOut().split("Model 'mystery-model'", -1)).hasSize(2);
		assertThat(output).contains("has no price");
	}

	@Test
	void shouldReturnResponseWhenPriceResolverFails(CapturedOutput output) throws Exception {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(response("Hello", "gpt-4o-2024-08-06", openAiUsage(10, 0, 5, 0)));
		ModelPriceResolver broken = (model) -> {
			throw new IllegalStateException("price database is down");
		};
		assertThat(chatClient(broken).prompt().user("Hi").call().content()).isEqualTo("Hello");
		assertThat(output).contains("Failed to price an LLM call").contains("price database is down");
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call").that().hasBeenStopped();
	}

	@Test
	void shouldPassModelErrorThroughUnchangedAndRecordIt() {
		IllegalStateException failure = new IllegalStateException("429 Too Many Requests");
		given(this.chatModel.call(any(Prompt.class))).willThrow(failure);
		assertThatIllegalStateException().isThrownBy(() -> chatClient(PRICES).prompt().user("Hi").call().content())
			.isSameAs(failure);
		assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasBeenStopped()
			.assertThatError()
			.isSameAs(failure);
		assertThat(this.meterRegistry.find("llm.tokens").meters()).isEmpty();
	}

	@Test
	void shouldNotPriceResponseWithoutUsage(CapturedOutput output) {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(new ChatResponse(List.of(new Generation(new AssistantMessage("Hello")))));
		assertThat(chatClient(PRICES).prompt().user("Hi").call().content()).isEqualTo("Hello");
		assertThat(this.meterRegistry.find("llm.tokens").meters()).isEmpty();
		assertThat(output).contains("reported no token usage");
	}

	@Test
	void shouldWorkWithoutObservationRegistry() throws Exception {
		given(this.chatModel.call(any(Prompt.class)))
			.willReturn(response("Hello", "gpt-4o-2024-08-06", openAiUsage(10, 0, 5, 0)));
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(PRICES).build()).build();
		assertThat(ChatClient.builder(this.chatModel)
			.defaultAdvisors(advisor)
			.build()
			.prompt()
			.user("Hi")
			.call()
			.content()).isEqualTo("Hello");
	}

	@Test
	void shouldRejectCallOverBudgetBeforeCallingTheModel() {
		BudgetGuard guard = BudgetGuard
			.builder(new InMemoryBudgetStore(),
					new CallCostEstimator(PRICES, new LlmCostCalculator(Currency.getInstance("USD")), 1000))
			.maxCostPerCall(new BigDecimal("0.001"))
			.build();
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(PRICES).build())
			.observationRegistry(this.observationRegistry)
			.budgetGuard(guard)
			.build();
		ChatClient chatClient = ChatClient.builder(this.chatModel).defaultAdvisors(advisor).build();
		// 1000 output tokens at 10.00 per million: 0.01, over the maximum of 0.001
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> chatClient.prompt().user("Hi").call().content());
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> chatClient.prompt().user("Hi").stream().content().blockLast());
		then(this.chatModel).should(never()).call(any(Prompt.class));
		then(this.chatModel).should(never()).stream(any(Prompt.class));
		assertThat(this.observationRegistry).hasNumberOfObservationsWithNameEqualTo("llm.call", 2)
			.hasObservationWithNameEqualTo("llm.call")
			.that()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(LlmBudgetExceededException.class);
	}

	@Test
	void shouldSettleAndStopStreamCancelledWhileABlockingStoreReserves() throws Exception {
		GatedBudgetStore store = new GatedBudgetStore();
		Budget daily = new Budget("daily", new BigDecimal("10"), BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(),
				true, List.of());
		BudgetGuard guard = BudgetGuard
			.builder(store, new CallCostEstimator(PRICES, new LlmCostCalculator(Currency.getInstance("USD")), 1000))
			.budgets(List.of(daily))
			.build();
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(PRICES).build())
			.observationRegistry(this.observationRegistry)
			.budgetGuard(guard)
			.build();
		ChatClient chatClient = ChatClient.builder(this.chatModel).defaultAdvisors(advisor).build();
		Disposable stream = chatClient.prompt().user("Hi").stream().content().subscribe();
		assertThat(store.reserving.await(10, TimeUnit.SECONDS)).isTrue();
		stream.dispose();
		store.release.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(store.settled).hasValue(1);
			assertThat(this.observationRegistry).hasObservationWithNameEqualTo("llm.call").that().hasBeenStopped();
		});
		assertThat(guard.balance(daily).reserved()).isZero();
		then(this.chatModel).should(never()).stream(any(Prompt.class));
	}

	@Test
	void shouldDefaultToOrderInsideToolCallingLoop() {
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(PRICES).build()).build();
		assertThat(advisor.getOrder()).isEqualTo(Integer.MAX_VALUE - 100)
			.isGreaterThan(org.springframework.ai.chat.client.advisor.ToolCallingAdvisor.DEFAULT_ORDER);
		assertThat(LlmCostAdvisor.builder(CallPricer.builder(PRICES).build()).order(42).build().getOrder())
			.isEqualTo(42);
	}

	private ChatClient chatClient(ModelPriceResolver prices) {
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(CallPricer.builder(prices).build())
			.recorder(this.recorder)
			.observationRegistry(this.observationRegistry)
			.build();
		return ChatClient.builder(this.chatModel).defaultAdvisors(advisor).build();
	}

	private double tokens(String type) {
		return this.meterRegistry.get("llm.tokens").tag("llm.token.type", type).counter().count();
	}

	private double cost(String type) {
		return this.meterRegistry.get("llm.cost").tag("llm.cost.type", type).functionCounter().count();
	}

	private static ChatResponse chunk(String text) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
	}

	private static ChatResponse response(String text, String model, org.springframework.ai.chat.metadata.Usage usage) {
		return new ChatResponse(List.of(new Generation(new AssistantMessage(text))),
				ChatResponseMetadata.builder().model(model).usage(usage).build());
	}

	private static org.springframework.ai.chat.metadata.Usage openAiUsage(int prompt, int cached, int completion,
			int reasoning) throws Exception {
		CompletionUsage nativeUsage = ObjectMappers.jsonMapper()
			.convertValue(Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens",
					prompt + completion, "prompt_tokens_details", Map.of("cached_tokens", cached),
					"completion_tokens_details", Map.of("reasoning_tokens", reasoning)), CompletionUsage.class);
		return new DefaultUsage(prompt, completion, prompt + completion, nativeUsage, (long) cached, null);
	}

	/**
	 * A memory store that says it blocks, and whose reservations wait to be released.
	 */
	static class GatedBudgetStore extends InMemoryBudgetStore {

		final CountDownLatch reserving = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger settled = new AtomicInteger();

		@Override
		public @Nullable BudgetBalance reserve(List<BudgetClaim> claims, String reservationId, BigDecimal amount,
				Instant expiresAt) {
			this.reserving.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reserving", ex);
			}
			return super.reserve(claims, reservationId, amount, expiresAt);
		}

		@Override
		public List<CrossedThreshold> settle(List<BudgetClaim> claims, String reservationId, BigDecimal reserved,
				BigDecimal actual) {
			this.settled.incrementAndGet();
			return super.settle(claims, reservationId, reserved, actual);
		}

		@Override
		public boolean isBlocking() {
			return true;
		}

	}

}
