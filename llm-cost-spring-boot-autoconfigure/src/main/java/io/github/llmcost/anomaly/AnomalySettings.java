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
import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How spend anomalies are detected.
 *
 * @param interval the length of one sample of spend
 * @param threshold how many standard deviations above the baseline a rate must be
 * @param sustain how many intervals in a row a rate must be high to start an anomaly, and
 * back to normal to end it
 * @param warmUp how many intervals a new key is observed before it is judged
 * @param baselineWindow how much history the baseline weighs: its exponential weights
 * have the mean age of an equally weighted window this long
 * @param minSpendPerInterval the least spend in one interval that can be anomalous
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record AnomalySettings(Duration interval, double threshold, int sustain, int warmUp, Duration baselineWindow,
		BigDecimal minSpendPerInterval) {

	/**
	 * Create new settings.
	 */
	public AnomalySettings {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		Assert.isTrue(threshold > 0, "threshold must be positive");
		Assert.isTrue(sustain >= 1, "sustain must be at least 1");
		Assert.isTrue(warmUp >= 0, "warmUp must not be negative");
		Assert.isTrue(baselineWindow.compareTo(interval) >= 0, "baselineWindow must be at least one interval");
		Assert.isTrue(minSpendPerInterval.signum() >= 0, "minSpendPerInterval must not be negative");
	}

	/**
	 * Return the weight of the newest sample in the baseline.
	 * @return the smoothing factor, 2 / (intervals in the window + 1)
	 */
	double alpha() {
		return 2.0 / ((double) this.baselineWindow.toMillis() / this.interval.toMillis() + 1);
	}

	double minSpend() {
		return this.minSpendPerInterval.doubleValue();
	}

}
