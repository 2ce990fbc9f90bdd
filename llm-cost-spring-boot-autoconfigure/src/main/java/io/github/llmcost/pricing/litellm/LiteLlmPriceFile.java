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

package io.github.llmcost.pricing.litellm;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Reads a price file in the format of LiteLLM's
 * {@code model_prices_and_context_window.json}: one object per model, with prices per
 * token. The fields read are the {@link BillingDimension#catalogField() catalog fields}
 * of the billing dimensions ({@code input_cost_per_token}, {@code output_cost_per_token},
 * {@code cache_read_input_token_cost}, ...) and their {@code _above_<N>k_tokens}
 * variants, which become tiers above N thousand prompt tokens. Entries of image
 * generation models are priced per image: {@code output_cost_per_image}, else
 * {@code input_cost_per_image}, else {@code input_cost_per_pixel} times the size that
 * their name carries, as in {@code hd/1024-x-1024/dall-e-3}. Other fields are ignored, as
 * are entries without token prices (image or audio models) and top-level values that are
 * not objects (such as {@code last_updated}).
 * <p>
 * Where several entries claim one normalized name, such as
 * {@code mistral/mistral-large-latest} and {@code azure/mistral-large-latest}, the entry
 * of the model's own vendor wins over that of a hosting platform, and a cloud's
 * cross-region entry over its per-region ones: entries are ordered by their
 * {@code litellm_provider}, vendors first, then hosting platforms, then Azure and
 * Bedrock, then by how many path segments their name has.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LiteLlmPriceFile {

	/**
	 * Location of the catalog of list prices bundled with llm-cost, generated from
	 * LiteLLM's price file.
	 */
	public static final String BUILTIN_LOCATION = "classpath:io/github/llmcost/pricing/litellm/builtin-prices.json";

	private static final String INPUT_PER_IMAGE = "input_cost_per_image";

	private static final String OUTPUT_PER_IMAGE = "output_cost_per_image";

	private static final String INPUT_PER_PIXEL = "input_cost_per_pixel";

	private static final Pattern IMAGE_SIZE = Pattern.compile("(\\d+)-x-(\\d+)");

	private static final Pattern TIERED = Pattern.compile("^(" + Arrays.stream(BillingDimension.values())
		.map(BillingDimension::catalogField)
		.collect(Collectors.joining("|")) + ")_above_(\\d+)k_tokens$");

	private static final Set<String> VENDORS = Set.of("openai", "anthropic", "gemini", "mistral", "deepseek", "xai",
			"cohere", "cohere_chat", "moonshot", "minimax", "zai", "ai21", "dashscope");

	private static final Set<String> CLOUDS = Set.of("azure", "azure_ai", "azure_text", "bedrock", "bedrock_converse");

	private static final Comparator<RankedEntry> PRECEDENCE = Comparator.comparingInt(RankedEntry::rank)
		.thenComparingInt(RankedEntry::segments);

	private static final JsonMapper jsonMapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		// each entry is read as a tree from the middle of the file
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private LiteLlmPriceFile() {
	}

	/**
	 * Return the catalog of list prices bundled with llm-cost, read once.
	 * @return the bundled catalog, with source {@code builtin}
	 */
	public static PriceCatalog builtin() {
		return BuiltinCatalog.CATALOG;
	}

	/**
	 * Read a price file into a catalog.
	 * @param resource the file
	 * @param source the source to name in resolved prices, for example {@code file}
	 * @return the catalog of its token-priced entries, in file order
	 * @throws IllegalStateException if the file cannot be read or is malformed, naming
	 * the file and the entry
	 */
	public static PriceCatalog read(Resource resource, String source) {
		String file = resource.getDescription();
		List<RankedEntry> entries = new ArrayList<>();
		String entry = null;
		try (InputStream input = resource.getInputStream(); JsonParser parser = jsonMapper.createParser(input)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException(
						"Invalid price file %s: expected a JSON object of model entries".formatted(file));
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				entry = parser.currentName();
				parser.nextToken();
				JsonNode node = jsonMapper.readTree(parser);
				if (node != null && node.isObject() && !"sample_spec".equals(entry)) {
					PriceEntry priceEntry = toEntry(file, entry, node);
					if (priceEntry != null) {
						entries.add(new RankedEntry(priceEntry, rank(text(node.get("litellm_provider"))),
								entry.split("/").length));
					}
				}
			}
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null)
					? " at line %d, column %d".formatted(location.getLineNr(), location.getColumnNr()) : "";
			String inEntry = (entry != null) ? " in entry '%s'".formatted(entry) : "";
			throw new IllegalStateException("Invalid price file %s: malformed JSON%s%s: %s".formatted(file, inEntry,
					where, ex.getOriginalMessage()), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read price file %s: %s".formatted(file, ex.getMessage()), ex);
		}
		entries.sort(PRECEDENCE);
		return new PriceCatalog(source, file, entries.stream().map(RankedEntry::entry).toList());
	}

	private static int rank(@Nullable String provider) {
		if (provider == null || VENDORS.contains(provider)) {
			return 0;
		}
		return CLOUDS.contains(provider) ? 2 : 1;
	}

	private static @Nullable PriceEntry toEntry(String file, String name, JsonNode node) {
		if ("image_generation".equals(text(node.get("mode")))) {
			return toImageEntry(file, name, node);
		}
		BigDecimal input = price(file, name, node, BillingDimension.INPUT.catalogField());
		BigDecimal output = price(file, name, node, BillingDimension.OUTPUT.catalogField());
		if (output == null && input != null && "embedding".equals(text(node.get("mode")))) {
			output = BigDecimal.ZERO;
		}
		if (input == null || output == null) {
			return null;
		}
		ModelPrice.Builder builder = ModelPrice.builder().perTokens(1).input(input).output(output);
		for (BillingDimension dimension : BillingDimension.values()) {
			if (!dimension.isRequired()) {
				builder.price(dimension, price(file, name, node, dimension.catalogField()));
			}
		}
		tiers(file, name, node).forEach((threshold, prices) -> builder.tier(threshold, (tier) -> {
			for (BillingDimension dimension : BillingDimension.values()) {
				tier.price(dimension, prices.get(dimension.catalogField()));
			}
		}));
		return new PriceEntry(name, builder.build());
	}

	private static @Nullable PriceEntry toImageEntry(String file, String name, JsonNode node) {
		BigDecimal perImage = price(file, name, node, OUTPUT_PER_IMAGE);
		if (perImage == null) {
			perImage = price(file, name, node, INPUT_PER_IMAGE);
		}
		BigDecimal perPixel = price(file, name, node, INPUT_PER_PIXEL);
		Matcher size = IMAGE_SIZE.matcher(name);
		if (perImage == null && perPixel != null && size.find()) {
			perImage = perPixel.multiply(new BigDecimal(size.group(1))).multiply(new BigDecimal(size.group(2)));
		}
		if (perImage == null) {
			return null;
		}
		return new PriceEntry(name,
				ModelPrice.builder()
					.perTokens(1)
					.input(BigDecimal.ZERO)
					.output(BigDecimal.ZERO)
					.perImage(perImage)
					.price(BillingDimension.REQUEST, price(file, name, node, BillingDimension.REQUEST.catalogField()))
					.build());
	}

	private static Map<Long, Map<String, BigDecimal>> tiers(String file, String name, JsonNode node) {
		Map<Long, Map<String, BigDecimal>> tiers = new TreeMap<>();
		for (String field : node.propertyNames()) {
			Matcher matcher = TIERED.matcher(field);
			if (matcher.matches()) {
				long threshold = Long.parseLong(matcher.group(2)) * 1000;
				BigDecimal price = price(file, name, node, field);
				if (threshold > 0 && price != null) {
					tiers.computeIfAbsent(threshold, (key) -> new TreeMap<>()).put(matcher.group(1), price);
				}
			}
		}
		return tiers;
	}

	private static @Nullable BigDecimal price(String file, String name, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.decimalValue().signum() < 0) {
			throw new IllegalStateException(
					"Invalid price file %s: entry '%s': %s must be a non-negative number, was %s".formatted(file, name,
							field, value));
		}
		return value.decimalValue();
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	/**
	 * Holder of the bundled catalog, read on first use.
	 */
	private record RankedEntry(PriceEntry entry, int rank, int segments) {
	}

	private static final class BuiltinCatalog {

		static final PriceCatalog CATALOG = read(new DefaultResourceLoader().getResource(BUILTIN_LOCATION),
				ResolvedPrice.SOURCE_BUILTIN);

	}

}
