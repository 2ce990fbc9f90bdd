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
import java.util.List;
import java.util.Random;

import io.github.llmcost.actuate.LlmCostTotals;
import io.github.llmcost.actuate.LlmCostTotals.Totals;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.ConcurrentCalls;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageNormalizer;
import io.github.llmcost.usage.UsageNormalizers;
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

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 20_000;

	// Prices with decimal fractions that no double holds exactly
	private static final ModelPrice PRICE = ModelPrice.builder()
		.input(new BigDecimal("2.5"))
		.cachedInput(new BigDecimal("0.3"))
		.cacheWrite(new BigDecimal("3.75"))
		.output(new BigDecimal("10.1"))
		.reasoning(new BigDecimal("12.7"))
		.perRequest(new BigDecimal("0.0001"))
		.build();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final LlmCostTotals totals = new LlmCostTotals(Clock.systemUTC());

	@Test
	void eightThreadsOfRandomCallsShouldAddUpToTheExactSums() throws Exception {
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig()
			.observationHandler(new LlmCostMeterObservationHandler(this.meterRegistry))
			.observationHandler(this.totals);
		LlmCostAdvisor advisor = LlmCostAdvisor.builder((model) -> new ResolvedPrice("mix", "test", PRICE))
			.observationRegistry(observationRegistry)
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
		assertThat(total.cost().input()).isEqualByComparingTo(expected.cost.input());
		assertThat(total.cost().cachedInput()).isEqualByComparingTo(expected.cost.cachedInput());
		assertThat(total.cost().cacheWrite()).isEqualByComparingTo(expected.cost.cacheWrite());
		assertThat(total.cost().output()).isEqualByComparingTo(expected.cost.output());
		assertThat(total.cost().reasoning()).isEqualByComparingTo(expected.cost.reasoning());
		assertThat(total.cost().request()).isEqualByComparingTo(expected.cost.request());
		assertThat(total.cost().total()).isEqualByComparingTo(expected.cost.total());
		// each llm.cost series reads its exact BigDecimal sum, rounded once to a double
		assertThat(cost("input")).isEqualTo(expected.cost.input().doubleValue());
		assertThat(cost("cached_input")).isEqualTo(expected.cost.cachedInput().doubleValue());
		assertThat(cost("cache_write")).isEqualTo(expected.cost.cacheWrite().doubleValue());
		assertThat(cost("output")).isEqualTo(expected.cost.output().doubleValue());
		assertThat(cost("reasoning")).isEqualTo(expected.cost.reasoning().doubleValue());
		assertThat(cost("request")).isEqualTo(expected.cost.request().doubleValue());
		assertThat(tokens("input")).isEqualTo(expected.tokens.input());
		assertThat(tokens("cached_input")).isEqualTo(expected.tokens.cachedInput());
		assertThat(tokens("cache_write")).isEqualTo(expected.tokens.cacheWrite());
		assertThat(tokens("output")).isEqualTo(expected.tokens.output());
		assertThat(tokens("reasoning")).isEqualTo(expected.tokens.reasoning());
		assertThat(this.meterRegistry.get("llm.call.cost").summary().count()).isEqualTo(THREADS * CALLS_PER_THREAD);
	}

	private Sums makeCalls(ChatClient chatClient, Random random) {
		Sums sums = new Sums();
		for (int i = 0; i < CALLS_PER_THREAD; i++) {
			TokenUsage mix = new TokenUsage(random.nextInt(100_000), random.nextInt(50_000), random.nextInt(10_000),
					random.nextInt(20_000), random.nextInt(5_000));
			ChatClientResponse response = chatClient.prompt()
				.user(mix.input() + "," + mix.cachedInput() + "," + mix.cacheWrite() + "," + mix.output() + ","
						+ mix.reasoning())
				.call()
				.chatClientResponse();
			LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
			if (cost == null || cost.total().compareTo(costOf(mix).total()) != 0) {
				assertThat(cost).usingRecursiveComparison()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(costOf(mix));
			}
			sums.add(mix, cost);
		}
		return sums;
	}

	private static LlmCost costOf(TokenUsage mix) {
		BigDecimal perToken = BigDecimal.valueOf(1_000_000);
		return new LlmCost(Currency.getInstance("USD"), times(mix.input(), "2.5", perToken),
				times(mix.cachedInput(), "0.3", perToken), times(mix.cacheWrite(), "3.75", perToken),
				times(mix.output(), "10.1", perToken), times(mix.reasoning(), "12.7", perToken),
				new BigDecimal("0.0001"), LlmCost.BASE_TIER);
	}

	private static BigDecimal times(long tokens, String price, BigDecimal perTokens) {
		return new BigDecimal(price).multiply(BigDecimal.valueOf(tokens)).divide(perTokens);
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

		private LlmCost cost = new LlmCost(Currency.getInstance("USD"), BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LlmCost.BASE_TIER);

		void add(TokenUsage tokens, LlmCost cost) {
			this.tokens = new TokenUsage(this.tokens.input() + tokens.input(),
					this.tokens.cachedInput() + tokens.cachedInput(), this.tokens.cacheWrite() + tokens.cacheWrite(),
					this.tokens.output() + tokens.output(), this.tokens.reasoning() + tokens.reasoning());
			this.cost = new LlmCost(cost.currency(), this.cost.input().add(cost.input()),
					this.cost.cachedInput().add(cost.cachedInput()), this.cost.cacheWrite().add(cost.cacheWrite()),
					this.cost.output().add(cost.output()), this.cost.reasoning().add(cost.reasoning()),
					this.cost.request().add(cost.request()), LlmCost.BASE_TIER);
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
			TokenUsage mix = new TokenUsage(Long.parseLong(counts[0]), Long.parseLong(counts[1]),
					Long.parseLong(counts[2]), Long.parseLong(counts[3]), Long.parseLong(counts[4]));
			int prompted = (int) (mix.input() + mix.cachedInput() + mix.cacheWrite());
			int completion = (int) (mix.output() + mix.reasoning());
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
