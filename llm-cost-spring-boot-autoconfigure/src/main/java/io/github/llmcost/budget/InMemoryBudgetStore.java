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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * {@link BudgetStore} in the memory of one JVM: budgets hold within the instance, and are
 * lost on restart. Reservations lock the keys of a call in key order, so calls that share
 * no budget key never wait for each other.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class InMemoryBudgetStore implements BudgetStore {

	private static final Duration KEEP_ENDED_PERIODS = Duration.ofDays(1);

	private static final int CLEAN_UP_EVERY = 1024;

	private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

	private final Clock clock;

	private final AtomicLong operations = new AtomicLong();

	/**
	 * Create a store on the system clock.
	 */
	public InMemoryBudgetStore() {
		this(Clock.systemUTC());
	}

	/**
	 * Create a store on the given clock, which decides when reservations expire and old
	 * periods are dropped.
	 * @param clock the clock
	 */
	public InMemoryBudgetStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return {@code false}: the store holds its locks only for the time of a few
	 * additions.
	 * @return {@code false}
	 */
	@Override
	public boolean isBlocking() {
		return false;
	}

	@Override
	public @Nullable BudgetBalance reserve(List<BudgetClaim> claims, String reservationId, BigDecimal amount,
			Instant expiresAt) {
		List<Ledger> ledgers = lock(claims);
		try {
			Instant now = this.clock.instant();
			ledgers.forEach((ledger) -> ledger.releaseExpired(now));
			for (BudgetClaim claim : claims) {
				// lock(claims) has created the ledger of every claim
				Ledger ledger = Objects.requireNonNull(this.ledgers.get(claim.key()));
				if (claim.budget().enforce()
						&& ledger.spent.add(ledger.reserved).add(amount).compareTo(claim.budget().amount()) > 0) {
					return new BudgetBalance(claim, ledger.spent, ledger.reserved);
				}
			}
			ledgers.forEach((ledger) -> ledger.reserve(reservationId, amount, expiresAt));
			return null;
		}
		finally {
			unlock(ledgers);
			cleanUpEndedPeriods();
		}
	}

	@Override
	public List<CrossedThreshold> settle(List<BudgetClaim> claims, String reservationId, BigDecimal reserved,
			BigDecimal actual) {
		List<Ledger> ledgers = lock(claims);
		try {
			List<CrossedThreshold> crossed = new ArrayList<>(0);
			for (BudgetClaim claim : claims) {
				Ledger ledger = Objects.requireNonNull(this.ledgers.get(claim.key()));
				ledger.release(reservationId);
				ledger.spent = ledger.spent.add(actual);
				for (double threshold : claim.budget().alertThresholds()) {
					if (ledger.spent.compareTo(claim.budget().amount().multiply(BigDecimal.valueOf(threshold))) >= 0
							&& ledger.alerted.add(threshold)) {
						crossed.add(new CrossedThreshold(claim, threshold, ledger.spent));
					}
				}
			}
			return crossed;
		}
		finally {
			unlock(ledgers);
		}
	}

	@Override
	public BudgetBalance balance(BudgetClaim claim) {
		Ledger ledger = this.ledgers.get(claim.key());
		if (ledger == null) {
			return new BudgetBalance(claim, BigDecimal.ZERO, BigDecimal.ZERO);
		}
		ledger.lock.lock();
		try {
			ledger.releaseExpired(this.clock.instant());
			return new BudgetBalance(claim, ledger.spent, ledger.reserved);
		}
		finally {
			ledger.lock.unlock();
		}
	}

	private List<Ledger> lock(List<BudgetClaim> claims) {
		Map<String, BudgetClaim> byKey = new LinkedHashMap<>();
		claims.stream()
			.sorted(Comparator.comparing(BudgetClaim::key))
			.forEach((claim) -> byKey.put(claim.key(), claim));
		List<Ledger> ledgers = new ArrayList<>(byKey.size());
		for (BudgetClaim claim : byKey.values()) {
			Ledger ledger = this.ledgers.computeIfAbsent(claim.key(), (key) -> new Ledger(claim.periodEnd()));
			ledger.lock.lock();
			ledgers.add(ledger);
		}
		return ledgers;
	}

	private void unlock(List<Ledger> ledgers) {
		for (int i = ledgers.size() - 1; i >= 0; i--) {
			ledgers.get(i).lock.unlock();
		}
	}

	private void cleanUpEndedPeriods() {
		if (this.operations.incrementAndGet() % CLEAN_UP_EVERY != 0) {
			return;
		}
		Instant horizon = this.clock.instant().minus(KEEP_ENDED_PERIODS);
		this.ledgers.values()
			.removeIf((ledger) -> ledger.periodEnd != null && ledger.periodEnd.isBefore(horizon)
					&& ledger.reservations.isEmpty());
	}

	/**
	 * The spending of one budget key.
	 */
	private static final class Ledger {

		private final ReentrantLock lock = new ReentrantLock();

		private final @Nullable Instant periodEnd;

		private final Map<String, Reservation> reservations = new HashMap<>();

		private final Set<Double> alerted = new HashSet<>();

		private BigDecimal spent = BigDecimal.ZERO;

		private BigDecimal reserved = BigDecimal.ZERO;

		Ledger(@Nullable Instant periodEnd) {
			this.periodEnd = periodEnd;
		}

		void reserve(String id, BigDecimal amount, Instant expiresAt) {
			this.reservations.put(id, new Reservation(amount, expiresAt));
			this.reserved = this.reserved.add(amount);
		}

		void release(String id) {
			Reservation reservation = this.reservations.remove(id);
			if (reservation != null) {
				this.reserved = this.reserved.subtract(reservation.amount());
			}
		}

		void releaseExpired(Instant now) {
			if (this.reservations.isEmpty()) {
				return;
			}
			this.reservations.values().removeIf((reservation) -> {
				boolean expired = !reservation.expiresAt().isAfter(now);
				if (expired) {
					this.reserved = this.reserved.subtract(reservation.amount());
				}
				return expired;
			});
		}

	}

	private record Reservation(BigDecimal amount, Instant expiresAt) {
	}

}
