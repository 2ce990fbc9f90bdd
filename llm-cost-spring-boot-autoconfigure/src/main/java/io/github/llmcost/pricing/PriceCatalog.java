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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Price entries from one source, looked up by model name: first the exact name (ignoring
 * case), then the {@link ModelNames#normalize(String) normalized} name, then the entries'
 * aliases and patterns. The names of image models at one size and quality, such as
 * {@code hd/1024-x-1792/dall-e-3}, only match exactly.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class PriceCatalog {

	private final String source;

	private final String description;

	private final List<PriceEntry> entries;

	private final Map<String, PriceEntry> byName = new HashMap<>();

	private final Map<String, PriceEntry> byNormalizedName = new HashMap<>();

	private final Map<String, PriceEntry> byAlias = new HashMap<>();

	private final List<AliasPattern> aliasPatterns = new ArrayList<>();

	/**
	 * Create a catalog. When two entries claim the same name, normalized name or alias,
	 * the first one wins.
	 * @param source the source of the entries, for example {@code builtin}
	 * @param description where the entries come from, for example a file's location
	 * @param entries the entries
	 */
	public PriceCatalog(String source, String description, List<PriceEntry> entries) {
		Assert.hasText(source, "source must not be empty");
		this.source = source;
		this.description = description;
		this.entries = List.copyOf(entries);
		for (PriceEntry entry : this.entries) {
			this.byName.putIfAbsent(entry.name().toLowerCase(Locale.ROOT), entry);
		}
		for (PriceEntry entry : this.entries) {
			String normalized = ModelNames.normalize(entry.name());
			if (!ModelNames.isImageVariant(entry.name()) && !this.byName.containsKey(normalized)) {
				this.byNormalizedName.putIfAbsent(normalized, entry);
			}
			for (String alias : entry.aliases()) {
				if (GlobPattern.isPattern(alias)) {
					this.aliasPatterns.add(new AliasPattern(GlobPattern.compile(alias), entry));
				}
				else {
					this.byAlias.putIfAbsent(alias.toLowerCase(Locale.ROOT), entry);
				}
			}
		}
	}

	/**
	 * Return the source of this catalog's entries.
	 * @return the source, for example {@code property}, {@code file} or {@code builtin}
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Return where this catalog's entries come from.
	 * @return a description, for example a file's location
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Return the entries of this catalog, in their original order.
	 * @return the entries
	 */
	public List<PriceEntry> getEntries() {
		return this.entries;
	}

	/**
	 * Find the entry that prices a model name.
	 * @param model the model name
	 * @return the resolved price, or {@code null} if no entry prices the name
	 */
	public @Nullable ResolvedPrice find(String model) {
		String name = model.toLowerCase(Locale.ROOT);
		PriceEntry entry = this.byName.get(name);
		if (entry != null) {
			return resolved(entry, ResolvedPrice.Match.EXACT);
		}
		if (ModelNames.isImageVariant(name)) {
			return null;
		}
		String normalized = ModelNames.normalize(name);
		entry = this.byName.get(normalized);
		if (entry == null) {
			entry = this.byNormalizedName.get(normalized);
		}
		if (entry != null) {
			return resolved(entry, ResolvedPrice.Match.NORMALIZED);
		}
		entry = this.byAlias.get(name);
		if (entry == null) {
			entry = this.byAlias.get(normalized);
		}
		if (entry != null) {
			return resolved(entry, ResolvedPrice.Match.ALIAS);
		}
		for (AliasPattern aliasPattern : this.aliasPatterns) {
			if (aliasPattern.pattern().matches(name) || aliasPattern.pattern().matches(normalized)) {
				return resolved(aliasPattern.entry(), ResolvedPrice.Match.ALIAS);
			}
		}
		return null;
	}

	private ResolvedPrice resolved(PriceEntry entry, ResolvedPrice.Match match) {
		return new ResolvedPrice(entry.name(), this.source, entry.price(), match);
	}

	private record AliasPattern(GlobPattern pattern, PriceEntry entry) {
	}

}
