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

package io.github.llmcost.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.BudgetReservation;
import io.github.llmcost.budget.BudgetStore;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.budget.redis.RedisBudgetStore;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.RedisServer;
import io.github.llmcost.usage.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A call's budget round trip through {@link BudgetGuard}: reserve its estimated cost
 * against one daily budget, then settle its actual cost, with the in-memory store and
 * with the Redis store against a real {@code redis-server} on loopback. The budget is
 * large enough that no call is refused.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BudgetBenchmark {

	@Param({ "memory", "redis" })
	private String store;

	private @Nullable RedisServer redisServer;

	private @Nullable LettuceConnectionFactory connectionFactory;

	private BudgetGuard guard;

	private Prompt prompt;

	private String requestModel = "gpt-4o";

	private Map<String, String> tags = Map.of();

	private LlmCost cost;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		CatalogModelPriceResolver priceResolver = Catalogs.production();
		LlmCostCalculator calculator = new LlmCostCalculator(Currency.getInstance("USD"));
		// as the auto-configuration builds it from llm-cost.budget.limits.daily.amount
		Budget daily = new Budget("daily", new BigDecimal("1000000"), BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(),
				true, List.of(0.5, 0.8, 1.0));
		this.guard = BudgetGuard.builder(budgetStore(), new CallCostEstimator(priceResolver, calculator, 1024))
			.budgets(List.of(daily))
			.build();
		this.prompt = new Prompt("Summarize this ticket in one sentence.",
				ChatOptions.builder().model(this.requestModel).build());
		ResolvedPrice price = priceResolver.resolve("gpt-4o-2024-08-06", this.requestModel);
		if (price == null) {
			throw new IllegalStateException("No price for " + this.requestModel);
		}
		this.cost = calculator.calculate(TokenUsage.builder()
			.tokens(BillingDimension.INPUT, 600)
			.tokens(BillingDimension.CACHED_INPUT, 400)
			.tokens(BillingDimension.OUTPUT, 500)
			.build(), price.price());
		// the guard fails open, so a broken store would be measured as no store at all
		if (reserveAndSettle() == BudgetReservation.NONE || this.guard.getStoreFailures() > 0) {
			throw new IllegalStateException("The " + this.store + " budget store did not take a reservation");
		}
	}

	private BudgetStore budgetStore() throws IOException {
		if ("memory".equals(this.store)) {
			return new InMemoryBudgetStore();
		}
		RedisServer server = RedisServer.start();
		this.redisServer = server;
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", server.getPort()));
		factory.afterPropertiesSet();
		factory.start();
		this.connectionFactory = factory;
		return new RedisBudgetStore(new StringRedisTemplate(factory), RedisBudgetStore.DEFAULT_KEY_PREFIX,
				Clock.systemUTC());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
		if (this.redisServer != null) {
			this.redisServer.close();
		}
		// a failed reserve costs nothing, so the score would flatter the store
		long failures = this.guard.getStoreFailures();
		if (failures > 0) {
			throw new IllegalStateException("The " + this.store + " budget store failed " + failures + " times");
		}
	}

	@Benchmark
	public BudgetReservation reserveAndSettle() {
		BudgetReservation reservation = this.guard.reserve(this.prompt, this.requestModel, this.tags);
		reservation.settle(this.cost);
		return reservation;
	}

}
