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
import io.github.llmcost.testsupport.ConcurrentCalls;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageNormalizer;
import io.github.llmcost.usage.UsageNormalizers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 20_000;

	// Prices with decimal fractions that no double holds exactly
	private static final Map<BillingDimension, String> PRICES = Map.of(BillingDimension.INPUT, "2.5",
			BillingDimension.CACHED_INPUT, "0.3", BillingDimension.CACHE_WRITE, "3.75", BillingDimension.CACHE_WRITE_1H,
			"6.1", BillingDimension.OUTPUT, "10.1", BillingDimension.REASONING, "12.7", BillingDimension.REQUEST,
			"0.0001");

	private static final Map<BillingDimension, Integer> MAX_TOKENS = Map.of(BillingDimension.INPUT, 100_000,
			BillingDimension.CACHED_INPUT, 50_000, BillingDimension.CACHE_WRITE, 10_000,
			BillingDimension.CACHE_WRITE_1H, 7_000, BillingDimension.OUTPUT, 20_000, BillingDimension.REASONING, 5_000);

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
		LlmCostAdvisor advisor = LlmCostAdvisor
			.builder(CallPricer.builder((model) -> new ResolvedPrice("mix", "test", PRICE)).build())
			.recorder(new LlmCostRecorder(List.of(new LlmCostMeterRecorder(this.meterRegistry), this.totals)))
			.usageNormalizers(new UsageNormalizers(List.of(new NativeTokenUsageNormalizer())))
			.build();
		ChatClient chatClient = ChatClient.builder(new TokenMixModel()).defaultAdvisors(advisor).build();
		Sums expected = new Sums();
		for (Sums sums : ConcurrentCalls.run(THREADS, (thread) -> makeCalls(chatClient, new Random(thread)))) {
			expected.add(sums);
		}
		Totals total = this.totals.getTotal();
		assertThat(total.calls()).isEqualTo(THREADS * CALLS_PER_THREAD);
		assertThat(total.tokens()).isEqualTo(expected.tokens);
		assertThat(total.cost()).isNotNull();
		for (BillingDimension dimension : BillingDimension.values()) {
			assertThat(total.cost().get(dimension)).as(dimension.id())
				.isEqualByComparingTo(expected.cost.get(dimension));
		}
		assertThat(total.cost().total()).isEqualByComparingTo(expected.cost.total());
		// each llm.cost series reads its exact BigDecimal sum, rounded once to a double;
		// dimensions of one meter type (cache_write, cache_write_1h) share one series
		Map<String, BigDecimal> costByType = new HashMap<>();
		Map<String, Long> tokensByType = new HashMap<>();
		for (BillingDimension dimension : BillingDimension.values()) {
			costByType.merge(dimension.meterType(), expected.cost.get(dimension), BigDecimal::add);
			if (dimension.isToken()) {
				tokensByType.merge(dimension.meterType(), expected.tokens.get(dimension), Long::sum);
			}
		}
		costByType.forEach((type, sum) -> assertThat(cost(type)).as(type).isEqualTo(sum.doubleValue()));
		tokensByType.forEach((type, sum) -> assertThat(tokens(type)).as(type).isEqualTo(sum.doubleValue()));
		assertThat(this.meterRegistry.get("llm.call.cost").summary().count()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	private Sums makeCalls(ChatClient chatClient, Random random) {
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
			ChatClientResponse response = chatClient.prompt().user(message.toString()).call().chatClientResponse();
			LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
			assertThat(cost).isNotNull();
			if (cost.total().compareTo(costOf(mix).total()) != 0) {
				assertThat(cost.asMap()).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(costOf(mix).asMap());
			}
			sums.add(mix, cost);
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

	private double cost(String type) {
		return this.meterRegistry.get("llm.cost").tag("llm.cost.type", type).functionCounter().count();
	}

	private double tokens(String type) {
		return this.meterRegistry.get("llm.tokens").tag("llm.token.type", type).counter().count();
	}

	/**
	 * Exact sums of the tokens and costs of some calls.
	 */
	private static final class Sums {

		private TokenUsage tokens = TokenUsage.EMPTY;

		private LlmCost cost = LlmCost.zero(USD);

		void add(TokenUsage tokens, LlmCost cost) {
			this.tokens = this.tokens.plus(tokens);
			this.cost = this.cost.plus(cost);
		}

		void add(Sums other) {
			add(other.tokens, other.cost);
		}

	}

	/**
	 * Model that reports the token mix written in the user message, as a provider would
	 * report the usage of a call.
	 */
	static class TokenMixModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
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
