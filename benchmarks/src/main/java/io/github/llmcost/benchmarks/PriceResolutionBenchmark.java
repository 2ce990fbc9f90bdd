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

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.pricing.litellm.LiteLlmPriceFile;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Price resolution by model name: through {@link CatalogModelPriceResolver}, which caches
 * every name after its first look-up (the path of every priced call), and straight from
 * the {@link PriceCatalog} to show what the cache saves. The catalog size varies from a
 * handful of entries to LiteLLM's full price file, to show that cached resolution does
 * not grow with it.
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
public class PriceResolutionBenchmark {

	@Param({ "small", "bundled", "litellm-full" })
	private String catalogSize;

	private String knownName = "gpt-4o";

	private String datedName = "gpt-4o-2024-08-06";

	private String unknownName = "no-such-model-7";

	private PriceCatalog catalog;

	private CatalogModelPriceResolver resolver;

	@Setup
	public void setUp() {
		this.catalog = switch (this.catalogSize) {
			case "small" -> Catalogs.small();
			case "bundled" -> LiteLlmPriceFile.builtin();
			case "litellm-full" -> Catalogs.litellmFull();
			default -> throw new IllegalArgumentException("Unknown catalog size " + this.catalogSize);
		};
		this.resolver = new CatalogModelPriceResolver(List.of(this.catalog));
		if (this.resolver.resolve(this.datedName, this.knownName) == null) {
			throw new IllegalStateException("No price for " + this.datedName + " in " + this.catalogSize);
		}
	}

	@Benchmark
	public @Nullable ResolvedPrice knownName() {
		return this.resolver.resolve(this.knownName, this.knownName);
	}

	@Benchmark
	public @Nullable ResolvedPrice datedName() {
		return this.resolver.resolve(this.datedName, this.knownName);
	}

	@Benchmark
	public @Nullable ResolvedPrice unknownName() {
		return this.resolver.resolve(this.unknownName, this.unknownName);
	}

	@Benchmark
	public @Nullable ResolvedPrice uncachedDatedName() {
		return this.catalog.find(this.datedName);
	}

}
