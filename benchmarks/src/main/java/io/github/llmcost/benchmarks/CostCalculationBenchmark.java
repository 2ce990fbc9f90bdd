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

import java.util.Currency;
import java.util.concurrent.TimeUnit;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.CallPricer.Charge;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.usage.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing of one call's tokens: {@link CallPricer#priceTokens}, the path the advisor
 * takes (cached price resolution, then the cost), and the {@link LlmCostCalculator}'s
 * {@code BigDecimal} arithmetic alone.
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
public class CostCalculationBenchmark {

	private TokenUsage usage = TokenUsage.builder()
		.tokens(BillingDimension.INPUT, 1000)
		.tokens(BillingDimension.CACHED_INPUT, 400)
		.tokens(BillingDimension.OUTPUT, 500)
		.tokens(BillingDimension.REASONING, 100)
		.build();

	private String responseModel = "gpt-4o-2024-08-06";

	private String requestModel = "gpt-4o";

	private String provider = "openai";

	private CallPricer pricer;

	private LlmCostCalculator calculator;

	private ModelPrice price;

	@Setup
	public void setUp() {
		this.pricer = CallPricer.builder(Catalogs.production()).currency(Currency.getInstance("USD")).build();
		this.calculator = this.pricer.getCalculator();
		Charge priced = this.pricer.priceTokens(this.usage, this.responseModel, this.requestModel, this.provider);
		if (priced == null) {
			throw new IllegalStateException("No price for " + this.responseModel);
		}
		this.price = priced.price().price();
	}

	@Benchmark
	public @Nullable Charge priceTokens() {
		return this.pricer.priceTokens(this.usage, this.responseModel, this.requestModel, this.provider);
	}

	@Benchmark
	public LlmCost calculateOnly() {
		return this.calculator.calculate(this.usage, this.price);
	}

}
