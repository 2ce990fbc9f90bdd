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

package io.github.llmcost.pricing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * {@link ModelPriceResolver} over {@link PriceCatalog catalogs} in order of precedence.
 * The first catalog that prices the response model or, failing that, the request model
 * wins, so an entry for a deployment name in an earlier catalog beats an entry for the
 * dated response model in a later one. Results are cached, so a name that was resolved
 * once costs a map lookup, whatever the size of the catalogs.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class CatalogModelPriceResolver implements ModelPriceResolver {

	private static final int MAX_CACHED_NAMES = 10_000;

	private static final String NO_NAME = "";

	private final List<PriceCatalog> catalogs;

	private final Map<String, Map<String, Optional<ResolvedPrice>>> cache = new ConcurrentHashMap<>();

	private final AtomicInteger cached = new AtomicInteger();

	/**
	 * Create a resolver over the given catalogs.
	 * @param catalogs the catalogs, the first one taking precedence
	 */
	public CatalogModelPriceResolver(List<PriceCatalog> catalogs) {
		this.catalogs = List.copyOf(catalogs);
	}

	/**
	 * Return the catalogs of this resolver, the first one taking precedence.
	 * @return the catalogs
	 */
	public List<PriceCatalog> getCatalogs() {
		return this.catalogs;
	}

	@Override
	public @Nullable ResolvedPrice resolve(String model) {
		return resolve(model, null);
	}

	@Override
	public @Nullable ResolvedPrice resolve(@Nullable String responseModel, @Nullable String requestModel) {
		String responseKey = (responseModel != null) ? responseModel : NO_NAME;
		String requestKey = (requestModel != null) ? requestModel : NO_NAME;
		Map<String, Optional<ResolvedPrice>> byRequestModel = this.cache.get(responseKey);
		Optional<ResolvedPrice> price = (byRequestModel != null) ? byRequestModel.get(requestKey) : null;
		if (price == null) {
			price = Optional.ofNullable(find(responseModel, requestModel));
			if (this.cached.get() < MAX_CACHED_NAMES) {
				this.cache.computeIfAbsent(responseKey, (key) -> new ConcurrentHashMap<>()).put(requestKey, price);
				this.cached.incrementAndGet();
			}
		}
		return price.orElse(null);
	}

	/**
	 * Resolve the price of the first of several names whose price the filter accepts,
	 * trying every name in one catalog before the next, so that a price the application
	 * configures for {@code dall-e-3} wins over a bundled price for
	 * {@code hd/1024-x-1792/dall-e-3}. Not cached.
	 * @param names the names, most specific first
	 * @param filter the test a price must pass
	 * @return the price, or {@code null} if no name has an accepted price
	 */
	@Override
	public @Nullable ResolvedPrice resolveFirst(List<String> names, Predicate<ModelPrice> filter) {
		for (PriceCatalog catalog : this.catalogs) {
			for (String name : names) {
				ResolvedPrice price = catalog.find(name);
				if (price != null && filter.test(price.price())) {
					return price;
				}
			}
		}
		return null;
	}

	private @Nullable ResolvedPrice find(@Nullable String responseModel, @Nullable String requestModel) {
		for (PriceCatalog catalog : this.catalogs) {
			ResolvedPrice price = (responseModel != null) ? catalog.find(responseModel) : null;
			if (price == null && requestModel != null) {
				price = catalog.find(requestModel);
			}
			if (price != null) {
				return price;
			}
		}
		return null;
	}

}
