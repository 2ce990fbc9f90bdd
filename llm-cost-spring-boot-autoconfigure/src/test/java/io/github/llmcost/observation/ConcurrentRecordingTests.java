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

package io.github.llmcost.observation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import io.github.llmcost.actuate.LlmCostTotals;
import io.github.llmcost.actuate.LlmCostTotals.Totals;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.metrics.LlmCostMeterRecorder;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.testsupport.ChatModelObservations;
import io.github.llmcost.testsupport.ConcurrentCalls;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageNormalizer;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that recording is exact under concurrency: 8 threads make 20,000 calls each
 * through one {@code ChatClient}, with random token mixes, and the meters and totals add
 * up to the exact sums of the individual calls. A test of exactness, not of speed.
 *
 * @author llm-cost contributors
 */
class ConcurrentRecordingTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final String DIRECT_PROVIDER = "test";

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 20_000;

	// Prices with decimal fractions that no double holds exactly
	private static final Map<BillingDimension, String> PRICES = Map.of(BillingDimension.INPUT, "2.5",
			BillingDimension.CACHED_INPUT, "0.3", BillingDimension.CACHE_WRITE, "3.75", BillingDimension.CACHE_WRITE_1H,
			"6.1", BillingDimension.AUDIO_INPUT, "40.3", BillingDimension.OUTPUT, "10.1", BillingDimension.REASONING,
			"12.7", BillingDimension.AUDIO_OUTPUT, "80.7", BillingDimension.REQUEST, "0.0001");

	private static final Map<BillingDimension, Integer> MAX_TOKENS = Map.of(BillingDimension.INPUT, 100_000,
			BillingDimension.CACHED_INPUT, 50_000, BillingDimension.CACHE_WRITE, 10_000,
			BillingDimension.CACHE_WRITE_1H, 7_000, BillingDimension.AUDIO_INPUT, 3_000, BillingDimension.OUTPUT,
			20_000, BillingDimension.REASONING, 5_000, BillingDimension.AUDIO_OUTPUT, 2_000);

	private static final ModelPrice PRICE = price();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final LlmCostTotals totals = new LlmCostTotals(Clock.systemUTC(), USD);

	private static ModelPrice price() {
		ModelPrice.Builder builder = ModelPrice.builder();
		PRICES.forEach((dimension, price) -> builder.price(dimension, new BigDecimal(price)));
		return builder.build();
	}

	@Test
	void eightThreadsOfRandomCallsShouldAddUpToTheExactSums() throws Exception {
		assertThat(PRICES).as("every dimension is priced").hasSize(BillingDimension.values().length);
		assertThat(MAX_TOKENS).as("every token dimension is drawn").hasSize(BillingDimension.tokens().size());
		CallPricer pricer = CallPricer.builder((model) -> new ResolvedPrice("mix", "test", PRICE)).build();
		LlmCostRecorder recorder = new LlmCostRecorder(
				List.of(new LlmCostMeterRecorder(this.meterRegistry), this.totals));
		UsageNormalizers usageNormalizers = new UsageNormalizers(List.of(new NativeTokenUsageNormalizer()));
		LlmCostAdvisor advisor = LlmCostAdvisor.builder(pricer)
			.recorder(recorder)
			.usageNormalizers(usageNormalizers)
			.build();
		// the model observes itself as Spring AI's chat models do, so that the calls made
		// to it directly are priced by the chat observation handler
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig()
			.observationHandler(ChatModelObservations.handler(pricer, recorder, usageNormalizers));
		TokenMixModel chatModel = new TokenMixModel(observationRegistry);
		ChatClient chatClient = ChatClient.builder(chatModel).defaultAdvisors(advisor).build();
		Sums expected = new Sums();
		for (Sums sums : ConcurrentCalls.run(THREADS,
				(thread) -> makeCalls(chatClient, chatModel, new Random(thread)))) {
			expected.add(sums);
		}
		Totals total = this.totals.getTotal();
		assertThat(total.calls()).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertThat(total.tokens()).isEqualTo(expected.tokens());
		assertThat(total.cost()).isNotNull();
		for (BillingDimension dimension : BillingDimension.values()) {
			assertThat(total.cost().get(dimension)).as(dimension.id())
				.isEqualByComparingTo(expected.cost().get(dimension));
		}
		assertThat(total.cost().total()).isEqualByComparingTo(expected.cost().total());
		// each llm.cost series reads its exact BigDecimal sum, rounded once to a double;
		// dimensions of one meter type (cache_write, cache_write_1h) share one series
		for (boolean direct : new boolean[] { false, true }) {
			Part sums = direct ? expected.direct : expected.client;
			Map<String, BigDecimal> costByType = new HashMap<>();
			Map<String, Long> tokensByType = new HashMap<>();
			for (BillingDimension dimension : BillingDimension.values()) {
				costByType.merge(dimension.meterType(), sums.cost.get(dimension), BigDecimal::add);
				if (dimension.isToken()) {
					tokensByType.merge(dimension.meterType(), sums.tokens.get(dimension), Long::sum);
				}
			}
			costByType.forEach(
					(type, sum) -> assertThat(cost(type, direct)).as(type + " " + direct).isEqualTo(sum.doubleValue()));
			tokensByType.forEach((type, sum) -> assertThat(tokens(type, direct)).as(type + " " + direct)
				.isEqualTo(sum.doubleValue()));
		}
		assertThat(this.meterRegistry.get("llm.call.cost")
			.summaries()
			.stream()
			.mapToLong(DistributionSummary::count)
			.sum()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	// a third of the calls go to the model directly, the others through the client
	private Sums makeCalls(ChatClient chatClient, ChatModel chatModel, Random random) {
		Sums sums = new Sums();
		for (int i = 0; i < CALLS_PER_THREAD; i++) {
			TokenUsage.Builder builder = TokenUsage.builder();
			StringJoiner message = new StringJoiner(",");
			for (BillingDimension dimension : BillingDimension.tokens()) {
				int tokens = random.nextInt(MAX_TOKENS.get(dimension));
				builder.tokens(dimension, tokens);
				message.add(Integer.toString(tokens));
			}
			TokenUsage mix = builder.build();
			if (i % 3 == 0) {
				chatModel.call(new Prompt(message.toString()));
				sums.direct.add(mix, costOf(mix));
				continue;
			}
			ChatClientResponse response = chatClient.prompt().user(message.toString()).call().chatClientResponse();
			LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
			assertThat(cost).isNotNull();
			if (cost.total().compareTo(costOf(mix).total()) != 0) {
				assertThat(cost.asMap()).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(costOf(mix).asMap());
			}
			sums.client.add(mix, cost);
		}
		return sums;
	}

	private static LlmCost costOf(TokenUsage mix) {
		BigDecimal perToken = BigDecimal.valueOf(1_000_000);
		Map<BillingDimension, BigDecimal> amounts = new EnumMap<>(BillingDimension.class);
		PRICES.forEach((dimension, price) -> amounts.put(dimension,
				dimension.isToken()
						? new BigDecimal(price).multiply(BigDecimal.valueOf(mix.get(dimension))).divide(perToken)
						: new BigDecimal(price)));
		return LlmCost.of(USD, amounts, LlmCost.BASE_TIER);
	}

	// the calls through the client and the direct ones are separate series: the model
	// observation names the provider "test"
	private double cost(String type, boolean direct) {
		return this.meterRegistry.get("llm.cost")
			.tag("llm.cost.type", type)
			.functionCounters()
			.stream()
			.filter((counter) -> direct == DIRECT_PROVIDER.equals(counter.getId().getTag("gen_ai.provider.name")))
			.mapToDouble(FunctionCounter::count)
			.sum();
	}

	private double tokens(String type, boolean direct) {
		return this.meterRegistry.get("llm.tokens")
			.tag("llm.token.type", type)
			.counters()
			.stream()
			.filter((counter) -> direct == DIRECT_PROVIDER.equals(counter.getId().getTag("gen_ai.provider.name")))
			.mapToDouble(Counter::count)
			.sum();
	}

	/**
	 * Exact sums of the tokens and costs of some calls: those through the client and
	 * those made to the model directly.
	 */
	private static final class Sums {

		private final Part client = new Part();

		private final Part direct = new Part();

		void add(Sums other) {
			this.client.add(other.client.tokens, other.client.cost);
			this.direct.add(other.direct.tokens, other.direct.cost);
		}

		TokenUsage tokens() {
			return this.client.tokens.plus(this.direct.tokens);
		}

		LlmCost cost() {
			return this.client.cost.plus(this.direct.cost);
		}

	}

	/**
	 * Exact sums of the tokens and costs of some calls of one path.
	 */
	private static final class Part {

		private TokenUsage tokens = TokenUsage.EMPTY;

		private LlmCost cost = LlmCost.zero(USD);

		void add(TokenUsage tokens, LlmCost cost) {
			this.tokens = this.tokens.plus(tokens);
			this.cost = this.cost.plus(cost);
		}

	}

	/**
	 * Model that reports the token mix written in the user message, as a provider would
	 * report the usage of a call.
	 */
	static class TokenMixModel implements ChatModel {

		private final ObservationRegistry observationRegistry;

		TokenMixModel(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
		}

		@Override
		public ChatResponse call(Prompt prompt) {
			return ChatModelObservations.observe(this.observationRegistry, prompt, DIRECT_PROVIDER,
					() -> respond(prompt));
		}

		private ChatResponse respond(Prompt prompt) {
			String[] counts = prompt.getUserMessage().getText().split(",");
			TokenUsage.Builder builder = TokenUsage.builder();
			List<BillingDimension> dimensions = BillingDimension.tokens();
			for (int i = 0; i < dimensions.size(); i++) {
				builder.tokens(dimensions.get(i), Long.parseLong(counts[i]));
			}
			TokenUsage mix = builder.build();
			int prompted = (int) mix.promptTokens();
			int completion = (int) mix.completionTokens();
			Usage usage = new DefaultUsage(prompted, completion, prompted + completion, mix);
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Hello"))),
					ChatResponseMetadata.builder().model("mix").usage(usage).build());
		}

		@Override
		public ChatOptions getOptions() {
			return ChatOptions.builder().model("mix").build();
		}

	}

	/**
	 * Normalizer of usage whose native form is already a {@link TokenUsage}.
	 */
	static class NativeTokenUsageNormalizer implements UsageNormalizer {

		@Override
		public boolean supports(Usage usage) {
			return usage.getNativeUsage() instanceof TokenUsage;
		}

		@Override
		public TokenUsage normalize(Usage usage) {
			return (TokenUsage) usage.getNativeUsage();
		}

	}

}
