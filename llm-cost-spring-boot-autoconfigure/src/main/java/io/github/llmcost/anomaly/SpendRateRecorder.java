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

package io.github.llmcost.anomaly;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.llmcost.cost.BigDecimalAdder;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.recording.PricedCallListener;

/**
 * Adds the cost of every priced call, as the
 * {@link io.github.llmcost.recording.LlmCostRecorder} hands it over, to the spend of its
 * keys: its model, and the value of each metric attribution tag (such as
 * {@code feature=summarize}). That is all it does on the call path; {@link SpendMonitor}
 * reads and resets the sums once per interval.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class SpendRateRecorder implements PricedCallListener {

	/**
	 * Most keys kept per dimension; spend of further keys is not watched.
	 */
	public static final int MAX_KEYS_PER_DIMENSION = 1000;

	/**
	 * Dimension of the keys named by model.
	 */
	public static final String MODEL = "model";

	private final Map<String, Map<String, BigDecimalAdder>> spend = new ConcurrentHashMap<>();

	@Override
	public void onPricedCall(PricedCall call) {
		LlmCost cost = call.cost();
		if (cost == null) {
			return;
		}
		BigDecimal total = cost.total();
		add(MODEL, call.model(), total);
		call.attribution().metricTags().forEach((tag, value) -> add(tag, value, total));
	}

	private void add(String dimension, String value, BigDecimal amount) {
		Map<String, BigDecimalAdder> values = this.spend.get(dimension);
		if (values == null) {
			values = this.spend.computeIfAbsent(dimension, (key) -> new ConcurrentHashMap<>());
		}
		BigDecimalAdder adder = values.get(value);
		if (adder == null) {
			if (values.size() >= MAX_KEYS_PER_DIMENSION) {
				return;
			}
			adder = values.computeIfAbsent(value, (key) -> new BigDecimalAdder());
		}
		adder.add(amount);
	}

	/**
	 * Return the spend added so far, by dimension and value, and start every sum anew.
	 * Spend added while this runs counts in this interval or the next, never in both.
	 * @return the spend since the last call, by dimension, then by value
	 */
	Map<String, Map<String, BigDecimal>> drain() {
		Map<String, Map<String, BigDecimal>> drained = new HashMap<>();
		this.spend.forEach((dimension, values) -> {
			Map<String, BigDecimal> sums = new HashMap<>();
			values.forEach((value, adder) -> sums.put(value, adder.sumThenReset()));
			drained.put(dimension, sums);
		});
		return drained;
	}

}
