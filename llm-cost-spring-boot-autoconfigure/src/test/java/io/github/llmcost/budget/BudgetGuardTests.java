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

package io.github.llmcost.budget;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.BudgetStore.CrossedThreshold;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BudgetGuard}, {@link InMemoryBudgetStore} and
 * {@link CallCostEstimator}.
 *
 * @author llm-cost contributors
 */
class BudgetGuardTests {

	private static final ModelPrice FLAT_FEE = ModelPrice.builder()
		.input(BigDecimal.ZERO)
		.output(BigDecimal.ZERO)
		.price(BillingDimension.REQUEST, new BigDecimal("0.25"))
		.build();

	private static final ModelPrice PER_TOKEN = ModelPrice.builder()
		.perTokens(1)
		.input(new BigDecimal("0.001"))
		.output(new BigDecimal("0.002"))
		.build();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final LlmCostCalculator calculator = new LlmCostCalculator(java.util.Currency.getInstance("USD"));

	@Test
	void shouldAdmitCallsUntilTheEstimateNoLongerFits() {
		BudgetGuard guard = guard(budget("daily", "1.00", null));
		for (int i = 0; i < 4; i++) {
			guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		}
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getBudget()).isEqualTo("daily");
				assertThat(ex.getKey()).isEqualTo("daily:2026-11-28");
				assertThat(ex.getSpent()).isEqualByComparingTo("1.00");
				assertThat(ex.getEstimate()).isEqualByComparingTo("0.25");
				assertThat(ex.getLimit()).isEqualByComparingTo("1.00");
			})
			.withMessage("LLM budget 'daily' (daily:2026-11-28) would be exceeded: spent 1.00 + reserved 0.00 +"
					+ " estimate 0.25 > limit 1.00");
	}

	@Test
	void reservationsShouldCountBeforeTheyAreSettled() {
		BudgetGuard guard = guard(budget("daily", "0.50", null));
		BudgetReservation first = guard.reserve(prompt(), "flat", Map.of());
		guard.reserve(prompt(), "flat", Map.of());
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()))
			.satisfies((ex) -> assertThat(ex.getReserved()).isEqualByComparingTo("0.50"));
		// settling a call that cost less than estimated releases the difference
		first.settle(cost("0.00"));
		assertThat(guard.reserve(prompt(), "flat", Map.of())).isNotNull();
	}

	@Test
	void perTagBudgetShouldKeepOneBalancePerValueAndSkipCallsWithoutTheTag() {
		BudgetGuard guard = guard(budget("per-user", "0.25", "user"));
		guard.reserve(prompt(), "flat", Map.of("user", "alice")).settle(cost("0.25"));
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of("user", "alice")))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("per-user:alice:2026-11-28"));
		assertThat(guard.reserve(prompt(), "flat", Map.of("user", "bob")).getClaims()).hasSize(1);
		assertThat(guard.reserve(prompt(), "flat", Map.of()).getClaims()).isEmpty();
	}

	@Test
	void budgetShouldCountOnlyItsModels() {
		Budget gpt = new Budget("gpt-only", new BigDecimal("1.00"), BudgetPeriod.DAY, ZoneOffset.UTC, null,
				List.of("gpt-4o*", "o3"), true, List.of());
		BudgetGuard guard = guard(gpt);
		assertThat(guard.reserve(prompt(), "claude-sonnet-4-5", Map.of()).getClaims()).isEmpty();
		assertThat(guard.reserve(prompt(), "gpt-4o-mini", Map.of()).getClaims()).hasSize(1);
		assertThat(gpt.counts("O3")).isTrue();
		assertThat(gpt.counts("openai/o3")).isTrue();
		assertThat(gpt.counts(null)).isFalse();
	}

	@Test
	void budgetThatIsNotEnforcedShouldCountWithoutRejecting() {
		Budget watch = new Budget("watch", new BigDecimal("0.25"), BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(),
				false, List.of(1.0));
		BudgetGuard guard = guard(watch);
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		assertThat(guard.balance(watch).spent()).isEqualByComparingTo("0.50");
		assertThat(this.events).hasSize(1);
	}

	@Test
	void shouldPublishEachThresholdOncePerPeriodAndStartOverInTheNextPeriod() {
		Budget daily = budget("daily", "1.00", null);
		BudgetGuard guard = guard(daily);
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		assertThat(this.events).extracting((event) -> ((LlmBudgetThresholdEvent) event).getThreshold())
			.containsExactly(0.5, 0.8, 1.0);
		assertThat((LlmBudgetThresholdEvent) this.events.get(1)).satisfies((event) -> {
			assertThat(event.getBudget()).isEqualTo("daily");
			assertThat(event.getKey()).isEqualTo("daily:2026-11-28");
			assertThat(event.getSpent()).isEqualByComparingTo("1.00");
			assertThat(event.getLimit()).isEqualByComparingTo("1.00");
		});
		this.clock.advance(Duration.ofDays(1));
		assertThat(guard.balance(daily).spent()).isZero();
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.50"));
		assertThat(this.events).hasSize(4);
		assertThat(((LlmBudgetThresholdEvent) this.events.get(3)).getKey()).isEqualTo("daily:2026-11-29");
	}

	@Test
	void periodShouldRollOverAtMidnightOfTheBudgetsZone() {
		Budget tokyo = new Budget("tokyo", new BigDecimal("0.25"), BudgetPeriod.DAY, ZoneId.of("Asia/Tokyo"), null,
				List.of(), true, List.of());
		BudgetGuard guard = guard(tokyo);
		guard.reserve(prompt(), "flat", Map.of()).settle(cost("0.25"));
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()));
		// 10:00 UTC is 19:00 in Tokyo: the next Tokyo day starts at 15:00 UTC
		this.clock.advance(Duration.ofHours(5));
		assertThat(guard.reserve(prompt(), "flat", Map.of()).getClaims()).singleElement()
			.satisfies((claim) -> assertThat(claim.key()).isEqualTo("tokyo:2026-11-29"));
	}

	@Test
	void shouldRejectCallWhoseEstimateExceedsMaxCostPerCall() {
		BudgetGuard guard = builder().maxCostPerCall(new BigDecimal("0.10")).build();
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()))
			.satisfies((ex) -> assertThat(ex.getBudget()).isEqualTo("max-cost-per-call"));
	}

	@Test
	void estimateShouldCountPromptTokensAndMaxOutputTokens() {
		CallCostEstimator estimator = new CallCostEstimator((model) -> priced("per-token", PER_TOKEN), this.calculator,
				100);
		String text = "Summarize the attached contract in three bullet points for a busy reader.";
		int promptTokens = new JTokkitTokenCountEstimator().estimate(text);
		assertThat(promptTokens).isBetween(10, 20);
		BigDecimal promptCost = new BigDecimal("0.001").multiply(BigDecimal.valueOf(promptTokens));
		Prompt prompt = new Prompt(text, ChatOptions.builder().model("per-token").maxTokens(50).build());
		// prompt tokens at 0.001, 50 output tokens at 0.002
		assertThat(estimator.estimate(prompt, "per-token")).isEqualByComparingTo(promptCost.add(new BigDecimal("0.1")));
		// without max tokens, the default of 100 output tokens
		assertThat(estimator.estimate(new Prompt(text), "per-token"))
			.isEqualByComparingTo(promptCost.add(new BigDecimal("0.2")));
		CallCostEstimator unpriced = new CallCostEstimator((model) -> null, this.calculator, 100);
		assertThat(unpriced.estimate(prompt, "mystery")).isZero();
	}

	@Test
	void shouldLetCallsThroughWhenStoreFailsAndFailingOpen() {
		BudgetGuard guard = BudgetGuard.builder(new FailingStore(), estimator())
			.budgets(List.of(budget("daily", "1.00", null)))
			.build();
		BudgetReservation reservation = guard.reserve(prompt(), "flat", Map.of());
		reservation.settle(cost("0.25"));
		assertThat(guard.getStoreFailures()).isEqualTo(1);
		assertThat(guard.balance(budget("daily", "1.00", null))).isNull();
	}

	@Test
	void shouldRejectCallsWhenStoreFailsAndFailingClosed() {
		BudgetGuard guard = BudgetGuard.builder(new FailingStore(), estimator())
			.budgets(List.of(budget("daily", "1.00", null)))
			.failOpen(false)
			.build();
		assertThatExceptionOfType(LlmBudgetUnavailableException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()))
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void unsettledReservationShouldBeReleasedWhenItExpires() {
		BudgetGuard guard = builder().budgets(List.of(budget("daily", "0.25", null)))
			.reservationTimeout(Duration.ofMinutes(1))
			.build();
		guard.reserve(prompt(), "flat", Map.of());
		assertThatExceptionOfType(LlmBudgetExceededException.class)
			.isThrownBy(() -> guard.reserve(prompt(), "flat", Map.of()));
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(guard.reserve(prompt(), "flat", Map.of()).getClaims()).hasSize(1);
	}

	@Test
	void settlingTwiceShouldCountOnce() {
		Budget daily = budget("daily", "1.00", null);
		BudgetGuard guard = guard(daily);
		BudgetReservation reservation = guard.reserve(prompt(), "flat", Map.of());
		reservation.settle(cost("0.25"));
		reservation.settle(cost("0.25"));
		assertThat(guard.balance(daily).spent()).isEqualByComparingTo("0.25");
		assertThat(guard.balance(daily).reserved()).isZero();
	}

	private BudgetGuard guard(Budget budget) {
		return builder().budgets(List.of(budget)).build();
	}

	private BudgetGuard.Builder builder() {
		return BudgetGuard.builder(new InMemoryBudgetStore(this.clock), estimator())
			.clock(this.clock)
			.eventPublisher(this.events::add);
	}

	private CallCostEstimator estimator() {
		return new CallCostEstimator((model) -> priced("flat", FLAT_FEE), this.calculator, 100);
	}

	private static ResolvedPrice priced(String name, ModelPrice price) {
		return new ResolvedPrice(name, "test", price);
	}

	private static Budget budget(String name, String amount, @Nullable String perTag) {
		return new Budget(name, new BigDecimal(amount), BudgetPeriod.DAY, ZoneOffset.UTC, perTag, List.of(), true,
				List.of(0.5, 0.8, 1.0));
	}

	private LlmCost cost(String total) {
		return LlmCost.of(java.util.Currency.getInstance("USD"),
				Map.of(BillingDimension.REQUEST, new BigDecimal(total)), LlmCost.BASE_TIER);
	}

	private static Prompt prompt() {
		return new Prompt("Hello");
	}

	/**
	 * A store whose server is down.
	 */
	static final class FailingStore implements BudgetStore {

		@Override
		public @Nullable BudgetBalance reserve(List<BudgetClaim> claims, String reservationId, BigDecimal amount,
				Instant expiresAt) {
			throw new IllegalStateException("connection refused");
		}

		@Override
		public List<CrossedThreshold> settle(List<BudgetClaim> claims, String reservationId, BigDecimal reserved,
				BigDecimal actual) {
			throw new IllegalStateException("connection refused");
		}

		@Override
		public BudgetBalance balance(BudgetClaim claim) {
			throw new IllegalStateException("connection refused");
		}

	}

}
