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
import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a key's spend rate starts to run well above its baseline for several
 * intervals in a row (a runaway loop, an abusive client, a prompt grown by mistake), and
 * again when it ends.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostAnomalyEvent extends ApplicationEvent {

	private final Phase phase;

	private final String dimension;

	private final String value;

	private final BigDecimal observedRate;

	private final double baseline;

	private final double deviation;

	private final Instant since;

	private final Duration interval;

	/**
	 * Create a new event.
	 * @param source the object that published the event
	 * @param phase whether the anomaly started or ended
	 * @param dimension the dimension of the key: {@code model} or a metric tag name
	 * @param value the value of the key, for example a model name or a feature
	 * @param observedRate the spend in the last interval
	 * @param baseline the baseline spend per interval
	 * @param deviation how many standard deviations the observed rate lies above the
	 * baseline
	 * @param since when the anomaly started
	 * @param interval the length of an interval
	 */
	public LlmCostAnomalyEvent(Object source, Phase phase, String dimension, String value, BigDecimal observedRate,
			double baseline, double deviation, Instant since, Duration interval) {
		super(source);
		this.phase = phase;
		this.dimension = dimension;
		this.value = value;
		this.observedRate = observedRate;
		this.baseline = baseline;
		this.deviation = deviation;
		this.since = since;
		this.interval = interval;
	}

	/**
	 * Return whether the anomaly started or ended.
	 * @return the phase
	 */
	public Phase getPhase() {
		return this.phase;
	}

	/**
	 * Return the key of the anomaly, for example {@code feature=summarize}.
	 * @return the key
	 */
	public String getKey() {
		return this.dimension + "=" + this.value;
	}

	/**
	 * Return the dimension of the key.
	 * @return {@code model} or a metric tag name
	 */
	public String getDimension() {
		return this.dimension;
	}

	/**
	 * Return the value of the key.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * Return the spend in the last interval.
	 * @return the observed rate, in the currency per interval
	 */
	public BigDecimal getObservedRate() {
		return this.observedRate;
	}

	/**
	 * Return the baseline spend per interval.
	 * @return the baseline, in the currency per interval
	 */
	public double getBaseline() {
		return this.baseline;
	}

	/**
	 * Return how many standard deviations the observed rate lies above the baseline.
	 * @return the deviation
	 */
	public double getDeviation() {
		return this.deviation;
	}

	/**
	 * Return when the anomaly started.
	 * @return the start of the first high interval
	 */
	public Instant getSince() {
		return this.since;
	}

	/**
	 * Return the length of an interval.
	 * @return the interval
	 */
	public Duration getInterval() {
		return this.interval;
	}

	/**
	 * Whether an anomaly started or ended.
	 */
	public enum Phase {

		/**
		 * The anomaly started.
		 */
		STARTED,

		/**
		 * The anomaly ended.
		 */
		ENDED

	}

}
