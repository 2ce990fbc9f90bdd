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
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the price of a model call from the model names it carries. Declare a bean of
 * this type to replace the prices of {@code llm-cost.pricing}, for example with prices
 * read from a database.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface ModelPriceResolver {

	/**
	 * Resolve the price of one model name.
	 * @param model the model name as the provider or the request spells it
	 * @return the price, or {@code null} if the model is not priced
	 */
	@Nullable ResolvedPrice resolve(String model);

	/**
	 * Resolve the price of a call from the model named in its response (often a dated
	 * name such as {@code gpt-4o-2024-08-06}) and the model named in its request. The
	 * default tries the response model, then the request model.
	 * @param responseModel the model named in the response, if any
	 * @param requestModel the model named in the request, if any
	 * @return the price, or {@code null} if neither name is priced
	 */
	default @Nullable ResolvedPrice resolve(@Nullable String responseModel, @Nullable String requestModel) {
		ResolvedPrice price = (responseModel != null) ? resolve(responseModel) : null;
		if (price == null && requestModel != null) {
			price = resolve(requestModel);
		}
		return price;
	}

	/**
	 * Resolve the price of the first of several names, most specific first, whose price
	 * the filter accepts: for example {@code hd/1024-x-1792/dall-e-3} then
	 * {@code dall-e-3} for the per-image price of an image call. The default tries each
	 * name in turn.
	 * @param names the names, most specific first
	 * @param filter the test a price must pass, for example having a per-image price
	 * @return the price, or {@code null} if no name has an accepted price
	 */
	default @Nullable ResolvedPrice resolveFirst(List<String> names, Predicate<ModelPrice> filter) {
		for (String name : names) {
			ResolvedPrice price = resolve(name);
			if (price != null && filter.test(price.price())) {
				return price;
			}
		}
		return null;
	}

}
