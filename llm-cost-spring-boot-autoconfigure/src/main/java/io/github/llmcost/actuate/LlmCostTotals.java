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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.llmcost.cost.BigDecimalAdder;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Keeps exact totals of the calls recorded since start, overall and by model, for the
 * {@code llmcost} endpoint. It adds to striped counters, so recording takes no lock that
 * all threads share.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostTotals implements ObservationHandler<LlmCostObservationContext> {

	/**
	 * Most models kept apart; calls of further models count under {@value #OTHER}.
	 */
	public static final int MAX_MODELS = 1000;

	/**
	 * Model under which calls of models beyond {@link #MAX_MODELS} count.
	 */
	public static final String OTHER = "other";

	private final Instant since;

	private final Tally total = new Tally();

	private final Map<String, Tally> byModel = new ConcurrentHashMap<>();

	private final Set<String> unpricedModels = ConcurrentHashMap.newKeySet();

	/**
	 * Create totals starting now.
	 * @param clock the clock that tells when the totals started
	 */
	public LlmCostTotals(Clock clock) {
		this.since = clock.instant();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LlmCostObservationContext;
	}

	@Override
	public void onStop(LlmCostObservationContext context) {
		TokenUsage usage = context.getUsage();
		LlmCost cost = context.getCost();
		if (usage == null && cost == null) {
			return;
		}
		usage = (usage != null) ? usage : TokenUsage.EMPTY;
		String model = (context.getResponseModel() != null) ? context.getResponseModel() : context.getRequestModel();
		model = (model != null) ? model : "none";
		this.total.add(usage, cost);
		Tally tally = this.byModel.get(model);
		if (tally == null) {
			tally = (this.byModel.size() < MAX_MODELS) ? this.byModel.computeIfAbsent(model, (key) -> new Tally())
					: this.byModel.computeIfAbsent(OTHER, (key) -> new Tally());
		}
		tally.add(usage, cost);
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
	 * @param tokens tokens by type
	 * @param cost cost by type, of the priced calls
	 */
	public record Totals(long calls, long unpricedCalls, TokenUsage tokens, CostByType cost) {

	}

	/**
	 * Cost by type.
	 *
	 * @param input cost of uncached input tokens
	 * @param cachedInput cost of cached input tokens
	 * @param cacheWrite cost of cache writes
	 * @param output cost of output tokens
	 * @param reasoning cost of reasoning tokens
	 * @param request per-request fees
	 * @param total the sum
	 */
	public record CostByType(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
			BigDecimal reasoning, BigDecimal request, BigDecimal total) {

	}

	private static final class Tally {

		private final LongAdder calls = new LongAdder();

		private final LongAdder unpricedCalls = new LongAdder();

		private final LongAdder inputTokens = new LongAdder();

		private final LongAdder cachedInputTokens = new LongAdder();

		private final LongAdder cacheWriteTokens = new LongAdder();

		private final LongAdder outputTokens = new LongAdder();

		private final LongAdder reasoningTokens = new LongAdder();

		private final BigDecimalAdder input = new BigDecimalAdder();

		private final BigDecimalAdder cachedInput = new BigDecimalAdder();

		private final BigDecimalAdder cacheWrite = new BigDecimalAdder();

		private final BigDecimalAdder output = new BigDecimalAdder();

		private final BigDecimalAdder reasoning = new BigDecimalAdder();

		private final BigDecimalAdder request = new BigDecimalAdder();

		void add(TokenUsage usage, @Nullable LlmCost cost) {
			this.calls.increment();
			this.inputTokens.add(usage.input());
			this.cachedInputTokens.add(usage.cachedInput());
			this.cacheWriteTokens.add(usage.cacheWrite());
			this.outputTokens.add(usage.output());
			this.reasoningTokens.add(usage.reasoning());
			if (cost == null) {
				this.unpricedCalls.increment();
				return;
			}
			this.input.add(cost.input());
			this.cachedInput.add(cost.cachedInput());
			this.cacheWrite.add(cost.cacheWrite());
			this.output.add(cost.output());
			this.reasoning.add(cost.reasoning());
			this.request.add(cost.request());
		}

		Totals snapshot() {
			BigDecimal input = this.input.sum();
			BigDecimal cachedInput = this.cachedInput.sum();
			BigDecimal cacheWrite = this.cacheWrite.sum();
			BigDecimal output = this.output.sum();
			BigDecimal reasoning = this.reasoning.sum();
			BigDecimal request = this.request.sum();
			BigDecimal total = input.add(cachedInput).add(cacheWrite).add(output).add(reasoning).add(request);
			return new Totals(this.calls.sum(), this.unpricedCalls.sum(),
					new TokenUsage(this.inputTokens.sum(), this.cachedInputTokens.sum(), this.cacheWriteTokens.sum(),
							this.outputTokens.sum(), this.reasoningTokens.sum()),
					new CostByType(input, cachedInput, cacheWrite, output, reasoning, request, total));
		}

	}

}
