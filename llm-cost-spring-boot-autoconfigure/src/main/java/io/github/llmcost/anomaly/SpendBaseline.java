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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The baseline of one key's spend per interval, an exponentially weighted mean and
 * variance, and whether the key is in an anomaly: a rate above the baseline by
 * {@code threshold} standard deviations, and above a minimum spend, for {@code sustain}
 * intervals in a row. An anomaly ends after {@code sustain} intervals in a row back under
 * that line. Samples above the line do not move the baseline until an anomaly has
 * started, so a blip leaves it as it was, while a lasting change of level is learned.
 *
 * @author llm-cost contributors
 */
final class SpendBaseline {

	private static final double MIN_RELATIVE_DEVIATION = 0.05;

	private final AnomalySettings settings;

	private long samples;

	private double mean;

	private double variance;

	private int highStreak;

	private int lowStreak;

	private @Nullable Instant highSince;

	private @Nullable Instant activeSince;

	SpendBaseline(AnomalySettings settings) {
		this.settings = settings;
	}

	/**
	 * Observe the spend of one interval.
	 * @param rate the spend in the interval
	 * @param intervalStart when the interval started
	 * @return what changed
	 */
	Transition observe(double rate, Instant intervalStart) {
		if (this.samples < this.settings.warmUp()) {
			absorb(rate);
			return Transition.NONE;
		}
		boolean high = isHigh(rate);
		if (this.activeSince == null) {
			if (high) {
				this.highStreak++;
				if (this.highSince == null) {
					this.highSince = intervalStart;
				}
				if (this.highStreak >= this.settings.sustain()) {
					this.activeSince = this.highSince;
					this.lowStreak = 0;
					return Transition.STARTED;
				}
				return Transition.NONE;
			}
			this.highStreak = 0;
			this.highSince = null;
			absorb(rate);
			return Transition.NONE;
		}
		absorb(rate);
		this.lowStreak = high ? 0 : this.lowStreak + 1;
		if (this.lowStreak >= this.settings.sustain()) {
			this.activeSince = null;
			this.highSince = null;
			this.highStreak = 0;
			return Transition.ENDED;
		}
		return Transition.NONE;
	}

	private boolean isHigh(double rate) {
		return rate >= this.settings.minSpend() && deviation(rate) > this.settings.threshold();
	}

	/**
	 * Return how many standard deviations a rate lies above the baseline.
	 * @param rate the rate
	 * @return the deviation
	 */
	double deviation(double rate) {
		double deviation = Math.max(Math.sqrt(this.variance), this.mean * MIN_RELATIVE_DEVIATION);
		return (deviation > 0) ? (rate - this.mean) / deviation : ((rate > this.mean) ? Double.POSITIVE_INFINITY : 0);
	}

	private void absorb(double rate) {
		if (this.samples == 0) {
			this.mean = rate;
		}
		else {
			double alpha = this.settings.alpha();
			double difference = rate - this.mean;
			double increment = alpha * difference;
			this.mean += increment;
			this.variance = (1 - alpha) * (this.variance + difference * increment);
		}
		this.samples++;
	}

	double mean() {
		return this.mean;
	}

	@Nullable Instant activeSince() {
		return this.activeSince;
	}

	/**
	 * What an observation changed.
	 */
	enum Transition {

		NONE, STARTED, ENDED

	}

}
