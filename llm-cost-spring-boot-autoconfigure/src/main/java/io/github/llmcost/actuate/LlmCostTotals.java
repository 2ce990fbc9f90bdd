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

package io.github.llmcost.actuate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.BigDecimalAdder;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.recording.PricedCallListener;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageSource;
import org.jspecify.annotations.Nullable;

/**
 * Keeps exact totals of the calls recorded since start, overall and by model, for the
 * {@code llmcost} endpoint, per {@link BillingDimension}. It is fed by the
 * {@link io.github.llmcost.recording.LlmCostRecorder}, so it counts whether or not the
 * {@code llm.call} observation is on. It adds to striped counters, so recording takes no
 * lock that all threads share.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostTotals implements PricedCallListener {

	/**
	 * Most models kept apart; calls of further models count under {@value #OTHER}.
	 */
	public static final int MAX_MODELS = 1000;

	/**
	 * Model under which calls of models beyond {@link #MAX_MODELS} count.
	 */
	public static final String OTHER = "other";

	private static final BillingDimension[] DIMENSIONS = BillingDimension.values();

	private final Instant since;

	private final Currency currency;

	private final Tally total = new Tally();

	private final Map<String, Tally> byModel = new ConcurrentHashMap<>();

	private final Set<String> unpricedModels = ConcurrentHashMap.newKeySet();

	/**
	 * Create totals starting now.
	 * @param clock the clock that tells when the totals started
	 * @param currency the currency of every cost
	 */
	public LlmCostTotals(Clock clock, Currency currency) {
		this.since = clock.instant();
		this.currency = currency;
	}

	@Override
	public void onPricedCall(PricedCall call) {
		if (!call.isCounted()) {
			return;
		}
		TokenUsage usage = call.usage();
		usage = (usage != null) ? usage : TokenUsage.EMPTY;
		LlmCost cost = call.cost();
		String model = call.model();
		boolean estimated = call.usageSource() == UsageSource.ESTIMATED;
		this.total.add(usage, cost, null, estimated);
		Tally tally = this.byModel.get(model);
		if (tally == null) {
			tally = (this.byModel.size() < MAX_MODELS) ? this.byModel.computeIfAbsent(model, (key) -> new Tally())
					: this.byModel.computeIfAbsent(OTHER, (key) -> new Tally());
		}
		tally.add(usage, cost, call.price(), estimated);
		if (cost == null && this.unpricedModels.size() < MAX_MODELS) {
			this.unpricedModels.add(model);
		}
	}

	/**
	 * Return when the totals started.
	 * @return the start
	 */
	public Instant getSince() {
		return this.since;
	}

	/**
	 * Return the totals of every call.
	 * @return the totals
	 */
	public Totals getTotal() {
		return this.total.snapshot();
	}

	/**
	 * Return the totals by model, the response model or else the request model.
	 * @return the totals, sorted by model
	 */
	public Map<String, Totals> getByModel() {
		Map<String, Totals> byModel = new TreeMap<>();
		this.byModel.forEach((model, tally) -> byModel.put(model, tally.snapshot()));
		return Collections.unmodifiableMap(byModel);
	}

	/**
	 * Return the models seen without a price.
	 * @return the model names, sorted
	 */
	public Set<String> getUnpricedModels() {
		return Collections.unmodifiableSet(new TreeSet<>(this.unpricedModels));
	}

	/**
	 * Totals of some calls.
	 *
	 * @param calls calls with reported usage
	 * @param unpricedCalls those of them that had no price
	 * @param tokens tokens by dimension
	 * @param cost cost by dimension, of the priced calls, or {@code null} if no call was
	 * priced
	 * @param price the price that the last priced call was charged at, or {@code null}
	 * for totals over several models or if no call was priced
	 * @param estimatedCalls the calls whose usage llm-cost estimated
	 * @param estimatedCost the cost of those of them that were priced
	 */
	public record Totals(long calls, long unpricedCalls, TokenUsage tokens, @Nullable LlmCost cost,
			@Nullable ResolvedPrice price, long estimatedCalls, BigDecimal estimatedCost) {

	}

	private final class Tally {

		private final LongAdder calls = new LongAdder();

		private final LongAdder unpricedCalls = new LongAdder();

		private final LongAdder estimatedCalls = new LongAdder();

		private final BigDecimalAdder estimatedCost = new BigDecimalAdder();

		// indexed by BillingDimension.ordinal()
		private final LongAdder[] tokens = new LongAdder[DIMENSIONS.length];

		private final BigDecimalAdder[] cost = new BigDecimalAdder[DIMENSIONS.length];

		private volatile @Nullable ResolvedPrice price;

		Tally() {
			for (int i = 0; i < DIMENSIONS.length; i++) {
				this.tokens[i] = new LongAdder();
				this.cost[i] = new BigDecimalAdder();
			}
		}

		void add(TokenUsage usage, @Nullable LlmCost cost, @Nullable ResolvedPrice price, boolean estimated) {
			this.calls.increment();
			if (estimated) {
				this.estimatedCalls.increment();
				if (cost != null) {
					this.estimatedCost.add(cost.total());
				}
			}
			for (BillingDimension dimension : DIMENSIONS) {
				this.tokens[dimension.ordinal()].add(usage.get(dimension));
			}
			if (cost == null) {
				this.unpricedCalls.increment();
				return;
			}
			if (price != null && price != this.price) {
				this.price = price;
			}
			for (BillingDimension dimension : DIMENSIONS) {
				this.cost[dimension.ordinal()].add(cost.get(dimension));
			}
		}

		Totals snapshot() {
			TokenUsage.Builder tokens = TokenUsage.builder();
			Map<BillingDimension, BigDecimal> cost = new EnumMap<>(BillingDimension.class);
			for (BillingDimension dimension : DIMENSIONS) {
				if (dimension.isToken()) {
					tokens.tokens(dimension, this.tokens[dimension.ordinal()].sum());
				}
				cost.put(dimension, this.cost[dimension.ordinal()].sum());
			}
			long calls = this.calls.sum();
			long unpricedCalls = this.unpricedCalls.sum();
			LlmCost total = (calls > unpricedCalls) ? LlmCost.of(LlmCostTotals.this.currency, cost, LlmCost.BASE_TIER)
					: null;
			return new Totals(calls, unpricedCalls, tokens.build(), total, this.price, this.estimatedCalls.sum(),
					this.estimatedCost.sum());
		}

	}

}
