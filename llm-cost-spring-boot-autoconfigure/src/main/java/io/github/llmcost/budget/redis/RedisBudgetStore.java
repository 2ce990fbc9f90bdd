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

package io.github.llmcost.budget.redis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetClaim;
import io.github.llmcost.budget.BudgetStore;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * {@link BudgetStore} in Redis, shared by every instance of an application: a restart
 * loses nothing. Each budget key is a hash of its spent and reserved amounts and a sorted
 * set of its reservations by expiry; Lua scripts reserve and settle all the keys of a
 * call atomically. Keys expire one day after their period ends. Amounts are kept as
 * integers in units of 10<sup>-9</sup> of the currency, rounded up.
 * <p>
 * All keys share one hash tag, so that the scripts also work on a Redis cluster.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class RedisBudgetStore implements BudgetStore {

	/**
	 * Default prefix of the store's keys.
	 */
	public static final String DEFAULT_KEY_PREFIX = "llm-cost:{budgets}:";

	private static final int SCALE = 9;

	private static final Duration KEEP_ENDED_PERIODS = Duration.ofDays(1);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript
		.of(new ClassPathResource("io/github/llmcost/budget/redis/reserve.lua"), List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SETTLE = RedisScript
		.of(new ClassPathResource("io/github/llmcost/budget/redis/settle.lua"), List.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param redis the Redis template
	 * @param keyPrefix the prefix of every key the store writes
	 * @param clock the clock that decides when reservations expire
	 */
	public RedisBudgetStore(StringRedisTemplate redis, String keyPrefix, Clock clock) {
		Assert.notNull(redis, "redis must not be null");
		Assert.hasText(keyPrefix, "keyPrefix must not be empty");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable BudgetBalance reserve(List<BudgetClaim> claims, String reservationId, BigDecimal amount,
			Instant expiresAt) {
		List<String> args = new ArrayList<>();
		args.add(reservationId);
		args.add(toUnits(amount));
		args.add(String.valueOf(this.clock.millis()));
		args.add(String.valueOf(expiresAt.toEpochMilli()));
		for (BudgetClaim claim : claims) {
			args.add(claim.budget().enforce() ? toUnits(claim.budget().amount()) : "-1");
			args.add(keyExpiry(claim));
		}
		List<Long> result = this.redis.execute(RESERVE, keys(claims), args.toArray());
		Assert.state(result != null && !result.isEmpty(), "Redis returned no result for a budget reservation");
		if (result.get(0) == 0) {
			return null;
		}
		BudgetClaim claim = claims.get(result.get(0).intValue() - 1);
		return new BudgetBalance(claim, fromUnits(result.get(1)), fromUnits(result.get(2)));
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<CrossedThreshold> settle(List<BudgetClaim> claims, String reservationId, BigDecimal reserved,
			BigDecimal actual) {
		List<String> args = new ArrayList<>();
		args.add(reservationId);
		args.add(toUnits(reserved));
		args.add(toUnits(actual));
		for (BudgetClaim claim : claims) {
			args.add(toUnits(claim.budget().amount()));
			args.add(claim.budget()
				.alertThresholds()
				.stream()
				.map((threshold) -> BigDecimal.valueOf(threshold).toPlainString())
				.collect(Collectors.joining(" ")));
			args.add(keyExpiry(claim));
		}
		List<Long> result = this.redis.execute(SETTLE, keys(claims), args.toArray());
		List<CrossedThreshold> crossed = new ArrayList<>(0);
		if (result != null) {
			for (int i = 0; i + 2 < result.size(); i += 3) {
				BudgetClaim claim = claims.get(result.get(i).intValue() - 1);
				double threshold = claim.budget().alertThresholds().get(result.get(i + 1).intValue() - 1);
				crossed.add(new CrossedThreshold(claim, threshold, fromUnits(result.get(i + 2))));
			}
		}
		return crossed;
	}

	@Override
	public BudgetBalance balance(BudgetClaim claim) {
		List<Object> values = this.redis.opsForHash().multiGet(balanceKey(claim), List.of("spent", "reserved"));
		return new BudgetBalance(claim, fromUnits(values.get(0)), fromUnits(values.get(1)));
	}

	private List<String> keys(List<BudgetClaim> claims) {
		List<String> keys = new ArrayList<>(claims.size() * 2);
		for (BudgetClaim claim : claims) {
			keys.add(balanceKey(claim));
			keys.add(this.keyPrefix + claim.key() + ":reservations");
		}
		return keys;
	}

	private String balanceKey(BudgetClaim claim) {
		return this.keyPrefix + claim.key();
	}

	private static String keyExpiry(BudgetClaim claim) {
		Instant periodEnd = claim.periodEnd();
		return (periodEnd != null) ? String.valueOf(periodEnd.plus(KEEP_ENDED_PERIODS).toEpochMilli()) : "0";
	}

	private static String toUnits(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.CEILING).unscaledValue().toString();
	}

	private static BigDecimal fromUnits(@Nullable Object units) {
		if (units == null) {
			return BigDecimal.ZERO;
		}
		return new BigDecimal(units.toString()).movePointLeft(SCALE).stripTrailingZeros();
	}

}
