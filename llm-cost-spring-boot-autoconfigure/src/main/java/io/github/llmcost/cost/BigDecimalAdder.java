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

package io.github.llmcost.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An exact running sum of {@link BigDecimal} amounts that many threads add to at once
 * without sharing a lock: like a {@code LongAdder}, it spreads additions over cells,
 * picked by thread, and sums the cells when read.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class BigDecimalAdder {

	private static final int CELLS = Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 4);

	@SuppressWarnings("unchecked")
	private final AtomicReference<BigDecimal>[] cells = new AtomicReference[CELLS];

	/**
	 * Create an adder at zero.
	 */
	public BigDecimalAdder() {
		for (int i = 0; i < CELLS; i++) {
			this.cells[i] = new AtomicReference<>(BigDecimal.ZERO);
		}
	}

	/**
	 * Add an amount.
	 * @param amount the amount
	 */
	public void add(BigDecimal amount) {
		if (amount.signum() == 0) {
			return;
		}
		AtomicReference<BigDecimal> cell = this.cells[(int) (Thread.currentThread().getId() & (CELLS - 1))];
		BigDecimal current;
		do {
			// cells hold zero or a sum, never null
			current = Objects.requireNonNull(cell.get());
		}
		while (!cell.compareAndSet(current, current.add(amount)));
	}

	/**
	 * Return the exact sum of the amounts added, and start anew from zero. An amount
	 * added concurrently counts in this sum or the next one, never in both.
	 * @return the sum
	 */
	public BigDecimal sumThenReset() {
		BigDecimal sum = BigDecimal.ZERO;
		for (AtomicReference<BigDecimal> cell : this.cells) {
			sum = sum.add(cell.getAndSet(BigDecimal.ZERO));
		}
		return sum;
	}

	/**
	 * Return the exact sum of every amount added.
	 * @return the sum
	 */
	public BigDecimal sum() {
		BigDecimal sum = BigDecimal.ZERO;
		for (AtomicReference<BigDecimal> cell : this.cells) {
			sum = sum.add(cell.get());
		}
		return sum;
	}

}
