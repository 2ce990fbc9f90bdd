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

package io.github.llmcost.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.pricing.GlobPattern;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Configuration properties of llm-cost, under {@value #CONFIG_PREFIX}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@ConfigurationProperties(LlmCostProperties.CONFIG_PREFIX)
public class LlmCostProperties implements InitializingBean {

	/**
	 * Prefix of every llm-cost property.
	 */
	public static final String CONFIG_PREFIX = "llm-cost";

	/**
	 * Whether to price and record LLM calls.
	 */
	private boolean enabled = true;

	/**
	 * Currency of every configured price, as an ISO 4217 code; meters and spans carry it.
	 */
	private Currency currency = Currency.getInstance("USD");

	private final Advisor advisor = new Advisor();

	private final Pricing pricing = new Pricing();

	private final Attribution attribution = new Attribution();

	private final Budget budget = new Budget();

	private final Anomaly anomaly = new Anomaly();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Currency getCurrency() {
		return this.currency;
	}

	public void setCurrency(Currency currency) {
		this.currency = currency;
	}

	public Advisor getAdvisor() {
		return this.advisor;
	}

	public Pricing getPricing() {
		return this.pricing;
	}

	public Attribution getAttribution() {
		return this.attribution;
	}

	public Budget getBudget() {
		return this.budget;
	}

	public Anomaly getAnomaly() {
		return this.anomaly;
	}

	@Override
	public void afterPropertiesSet() {
		this.pricing.validate();
		this.attribution.validate();
		this.budget.validate();
		this.anomaly.validate();
	}

	/**
	 * Properties of the detection of spend anomalies and of budget forecasts.
	 */
	public static class Anomaly {

		/**
		 * Whether to watch spend rates for anomalies and forecast budgets.
		 */
		private boolean enabled = true;

		/**
		 * Length of one sample of spend.
		 */
		private Duration interval = Duration.ofMinutes(1);

		/**
		 * Standard deviations above the baseline a spend rate must be to count as
		 * anomalous.
		 */
		private double threshold = 4;

		/**
		 * Intervals in a row a rate must be anomalous to start an anomaly, and normal to
		 * end it.
		 */
		private int sustain = 3;

		/**
		 * Intervals a new key is observed before it is judged.
		 */
		private int warmUp = 10;

		/**
		 * How much history the baseline and the budget forecasts weigh.
		 */
		private Duration baselineWindow = Duration.ofHours(1);

		/**
		 * Least spend in one interval, in llm-cost.currency, that can count as anomalous,
		 * so that small applications are not noisy.
		 */
		private BigDecimal minSpendPerInterval = new BigDecimal("0.01");

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public int getSustain() {
			return this.sustain;
		}

		public void setSustain(int sustain) {
			this.sustain = sustain;
		}

		public int getWarmUp() {
			return this.warmUp;
		}

		public void setWarmUp(int warmUp) {
			this.warmUp = warmUp;
		}

		public Duration getBaselineWindow() {
			return this.baselineWindow;
		}

		public void setBaselineWindow(Duration baselineWindow) {
			this.baselineWindow = baselineWindow;
		}

		public BigDecimal getMinSpendPerInterval() {
			return this.minSpendPerInterval;
		}

		public void setMinSpendPerInterval(BigDecimal minSpendPerInterval) {
			this.minSpendPerInterval = minSpendPerInterval;
		}

		void validate() {
			String prefix = CONFIG_PREFIX + ".anomaly.";
			if (this.interval.isNegative() || this.interval.isZero()) {
				throw new IllegalStateException("%sinterval must be positive, was %s".formatted(prefix, this.interval));
			}
			if (this.threshold <= 0) {
				throw new IllegalStateException(
						"%sthreshold must be positive, was %s".formatted(prefix, this.threshold));
			}
			if (this.sustain < 1) {
				throw new IllegalStateException("%ssustain must be at least 1, was %d".formatted(prefix, this.sustain));
			}
			if (this.warmUp < 0) {
				throw new IllegalStateException(
						"%swarm-up must not be negative, was %d".formatted(prefix, this.warmUp));
			}
			if (this.baselineWindow.compareTo(this.interval) < 0) {
				throw new IllegalStateException("%sbaseline-window must be at least the interval, was %s"
					.formatted(prefix, this.baselineWindow));
			}
			if (this.minSpendPerInterval.signum() < 0) {
				throw new IllegalStateException("%smin-spend-per-interval must not be negative, was %s"
					.formatted(prefix, this.minSpendPerInterval));
			}
		}

	}

	/**
	 * Properties of budgets.
	 */
	public static class Budget {

		/**
		 * Where budget balances are kept: in the memory of each instance, or in Redis
		 * (spring.data.redis.* connection), shared by every instance.
		 */
		private Store store = Store.MEMORY;

		/**
		 * Whether calls go on, without their budgets, when the budget store fails;
		 * otherwise they are rejected.
		 */
		private boolean failOpen = true;

		/**
		 * Largest estimated cost of a single call, in llm-cost.currency; a call estimated
		 * above it is rejected.
		 */
		private @Nullable BigDecimal maxCostPerCall;

		/**
		 * Output tokens assumed when estimating a call whose request sets no maximum.
		 */
		private long defaultOutputTokens = 1024;

		/**
		 * How long a reservation that is never settled, for example after a crash, holds
		 * its amount.
		 */
		private Duration reservationTimeout = Duration.ofMinutes(10);

		private final Redis redis = new Redis();

		/**
		 * Budgets by name.
		 */
		private final Map<String, Limit> limits = new LinkedHashMap<>();

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public boolean isFailOpen() {
			return this.failOpen;
		}

		public void setFailOpen(boolean failOpen) {
			this.failOpen = failOpen;
		}

		public @Nullable BigDecimal getMaxCostPerCall() {
			return this.maxCostPerCall;
		}

		public void setMaxCostPerCall(@Nullable BigDecimal maxCostPerCall) {
			this.maxCostPerCall = maxCostPerCall;
		}

		public long getDefaultOutputTokens() {
			return this.defaultOutputTokens;
		}

		public void setDefaultOutputTokens(long defaultOutputTokens) {
			this.defaultOutputTokens = defaultOutputTokens;
		}

		public Duration getReservationTimeout() {
			return this.reservationTimeout;
		}

		public void setReservationTimeout(Duration reservationTimeout) {
			this.reservationTimeout = reservationTimeout;
		}

		public Redis getRedis() {
			return this.redis;
		}

		public Map<String, Limit> getLimits() {
			return this.limits;
		}

		void validate() {
			String prefix = CONFIG_PREFIX + ".budget.";
			if (this.maxCostPerCall != null && this.maxCostPerCall.signum() <= 0) {
				throw new IllegalStateException(
						"%smax-cost-per-call must be positive, was %s".formatted(prefix, this.maxCostPerCall));
			}
			if (this.defaultOutputTokens < 0) {
				throw new IllegalStateException("%sdefault-output-tokens must not be negative, was %d".formatted(prefix,
						this.defaultOutputTokens));
			}
			if (this.reservationTimeout.isNegative() || this.reservationTimeout.isZero()) {
				throw new IllegalStateException(
						"%sreservation-timeout must be positive, was %s".formatted(prefix, this.reservationTimeout));
			}
			this.limits.forEach((name, limit) -> limit.validate("%slimits.%s".formatted(prefix, name)));
		}

		/**
		 * Where budget balances are kept.
		 */
		public enum Store {

			/**
			 * In the memory of each instance; lost on restart.
			 */
			MEMORY,

			/**
			 * In Redis, shared by every instance.
			 */
			REDIS

		}

	}

	/**
	 * Properties of the Redis budget store.
	 */
	public static class Redis {

		/**
		 * Prefix of the keys the budget store writes; keep the hash tag in braces so that
		 * all keys share a cluster slot.
		 */
		private String keyPrefix = "llm-cost:{budgets}:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * Properties of one budget.
	 */
	public static class Limit {

		/**
		 * Amount the budget allows per period, in llm-cost.currency.
		 */
		private @Nullable BigDecimal amount;

		/**
		 * Period the amount is for: a calendar day, ISO week or month in the zone, or the
		 * total.
		 */
		private BudgetPeriod period = BudgetPeriod.DAY;

		/**
		 * Time zone of the period's calendar.
		 */
		private ZoneId zone = ZoneOffset.UTC;

		/**
		 * Attribution tag that splits the budget into one budget per value, such as user;
		 * calls without the tag are not counted.
		 */
		private @Nullable String perTag;

		/**
		 * Names or glob patterns of the models whose calls the budget counts; all models
		 * when empty.
		 */
		private final List<String> models = new ArrayList<>();

		/**
		 * Whether to reject a call that would exceed the budget; otherwise the budget
		 * only counts and alerts.
		 */
		private boolean enforce = true;

		/**
		 * Fractions of the amount, in (0, 1], whose first crossing in a period publishes
		 * an LlmBudgetThresholdEvent.
		 */
		private List<Double> alertThresholds = new ArrayList<>(List.of(0.5, 0.8, 1.0));

		public @Nullable BigDecimal getAmount() {
			return this.amount;
		}

		public void setAmount(@Nullable BigDecimal amount) {
			this.amount = amount;
		}

		public BudgetPeriod getPeriod() {
			return this.period;
		}

		public void setPeriod(BudgetPeriod period) {
			this.period = period;
		}

		public ZoneId getZone() {
			return this.zone;
		}

		public void setZone(ZoneId zone) {
			this.zone = zone;
		}

		public @Nullable String getPerTag() {
			return this.perTag;
		}

		public void setPerTag(@Nullable String perTag) {
			this.perTag = perTag;
		}

		public List<String> getModels() {
			return this.models;
		}

		public boolean isEnforce() {
			return this.enforce;
		}

		public void setEnforce(boolean enforce) {
			this.enforce = enforce;
		}

		public List<Double> getAlertThresholds() {
			return this.alertThresholds;
		}

		public void setAlertThresholds(List<Double> alertThresholds) {
			this.alertThresholds = alertThresholds;
		}

		void validate(String key) {
			if (this.amount == null) {
				throw new IllegalStateException(key + ".amount must be set");
			}
			if (this.amount.signum() <= 0) {
				throw new IllegalStateException("%s.amount must be positive, was %s".formatted(key, this.amount));
			}
			if (this.perTag != null && this.perTag.isBlank()) {
				throw new IllegalStateException(key + ".per-tag must not be empty");
			}
			for (int i = 0; i < this.alertThresholds.size(); i++) {
				Double threshold = this.alertThresholds.get(i);
				if (threshold == null || threshold <= 0 || threshold > 1) {
					throw new IllegalStateException(
							"%s.alert-thresholds[%d] must be in (0, 1], was %s".formatted(key, i, threshold));
				}
			}
			for (int i = 0; i < this.models.size(); i++) {
				String model = this.models.get(i);
				try {
					GlobPattern.compile(model);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(
							"%s.models[%d] is not a valid pattern: %s".formatted(key, i, ex.getMessage()), ex);
				}
			}
		}

	}

	/**
	 * Properties of the attribution of calls to features, teams, tenants and users.
	 */
	public static class Attribution {

		private static final Set<String> RESERVED_TAGS = Set.of("currency", "error");

		/**
		 * Attribution tags that go on meters as well as spans; keep to tags with few
		 * values, such as feature or team, never user ids.
		 */
		private final List<String> metricTags = new ArrayList<>(List.of("feature", "team"));

		/**
		 * Number of distinct values each metric tag may take; further values are recorded
		 * as "other".
		 */
		private int maxValuesPerTag = 100;

		public List<String> getMetricTags() {
			return this.metricTags;
		}

		public int getMaxValuesPerTag() {
			return this.maxValuesPerTag;
		}

		public void setMaxValuesPerTag(int maxValuesPerTag) {
			this.maxValuesPerTag = maxValuesPerTag;
		}

		void validate() {
			String prefix = CONFIG_PREFIX + ".attribution.";
			if (this.maxValuesPerTag <= 0) {
				throw new IllegalStateException(
						"%smax-values-per-tag must be positive, was %d".formatted(prefix, this.maxValuesPerTag));
			}
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < this.metricTags.size(); i++) {
				String tag = this.metricTags.get(i);
				String key = "%smetric-tags[%d]".formatted(prefix, i);
				if (tag == null || tag.isBlank()) {
					throw new IllegalStateException(key + " must not be empty");
				}
				if (RESERVED_TAGS.contains(tag) || tag.startsWith("gen_ai.") || tag.startsWith("llm.")) {
					throw new IllegalStateException(
							"%s '%s' clashes with a tag of llm-cost's meters".formatted(key, tag));
				}
				if (!seen.add(tag)) {
					throw new IllegalStateException("%s '%s' is listed twice".formatted(key, tag));
				}
			}
		}

	}

	/**
	 * Properties of the advisor added to {@code ChatClient} builders.
	 */
	public static class Advisor {

		/**
		 * Order of the advisor; the default, Ordered.LOWEST_PRECEDENCE - 100, puts it
		 * inside Spring AI's tool-calling loop so that each model round is priced once.
		 */
		private int order = Integer.MAX_VALUE - 100;

		/**
		 * Whether to add the advisor to every auto-configured ChatClient.Builder.
		 */
		private boolean autoRegister = true;

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public boolean isAutoRegister() {
			return this.autoRegister;
		}

		public void setAutoRegister(boolean autoRegister) {
			this.autoRegister = autoRegister;
		}

	}

	/**
	 * Properties of model prices.
	 */
	public static class Pricing {

		/**
		 * Number of tokens that every token price is for: 1000000 for prices per million
		 * tokens, 1000 for prices per thousand.
		 */
		private long perTokens = 1_000_000;

		/**
		 * Prices per model, keyed by model name (matched case-insensitively); use
		 * brackets for names with dots, such as "[gpt-4.1]".
		 */
		private final Map<String, ModelPricing> models = new LinkedHashMap<>();

		private final Catalog catalog = new Catalog();

		/**
		 * Providers whose models cost nothing unless priced under llm-cost.pricing.models
		 * or a price file, as Spring AI names them; local Ollama models by default. The
		 * bundled catalog's list prices do not apply to them.
		 */
		private final List<String> freeProviders = new ArrayList<>(List.of("ollama"));

		public long getPerTokens() {
			return this.perTokens;
		}

		public void setPerTokens(long perTokens) {
			this.perTokens = perTokens;
		}

		public Map<String, ModelPricing> getModels() {
			return this.models;
		}

		public Catalog getCatalog() {
			return this.catalog;
		}

		public List<String> getFreeProviders() {
			return this.freeProviders;
		}

		void validate() {
			if (this.perTokens <= 0) {
				throw new IllegalStateException(
						"%s.pricing.per-tokens must be positive, was %d".formatted(CONFIG_PREFIX, this.perTokens));
			}
			Map<String, String> seen = new HashMap<>();
			this.models.forEach((model, pricing) -> {
				String key = "%s.pricing.models.[%s]".formatted(CONFIG_PREFIX, model);
				String previous = seen.put(model.toLowerCase(Locale.ROOT), model);
				if (previous != null) {
					throw new IllegalStateException("%s duplicates %s.pricing.models.[%s]: model names are matched"
						.formatted(key, CONFIG_PREFIX, previous) + " case-insensitively");
				}
				pricing.validate(key);
			});
		}

	}

	/**
	 * Prices of the billing dimensions of a model or of a tier, per
	 * llm-cost.pricing.per-tokens tokens (fees per call in llm-cost.currency). One
	 * property per {@link BillingDimension}, named as its
	 * {@link BillingDimension#propertyName() property name}; unset prices take the price
	 * of the dimension's fallback, or in a tier the base price.
	 */
	public abstract static class Prices {

		/**
		 * Price of uncached input tokens, per llm-cost.pricing.per-tokens tokens.
		 */
		private @Nullable BigDecimal input;

		/**
		 * Price of input tokens read from the prompt cache, per
		 * llm-cost.pricing.per-tokens tokens; defaults to the input price.
		 */
		private @Nullable BigDecimal cachedInput;

		/**
		 * Price of input tokens written to the prompt cache, per
		 * llm-cost.pricing.per-tokens tokens; defaults to the input price.
		 */
		private @Nullable BigDecimal cacheWrite;

		/**
		 * Price of input tokens written to the prompt cache for one hour (Anthropic), per
		 * llm-cost.pricing.per-tokens tokens; defaults to the cache-write price.
		 */
		private @Nullable BigDecimal cacheWrite1h;

		/**
		 * Price of audio input tokens, per llm-cost.pricing.per-tokens tokens; defaults
		 * to the input price.
		 */
		private @Nullable BigDecimal audioInput;

		/**
		 * Price of output tokens, per llm-cost.pricing.per-tokens tokens.
		 */
		private @Nullable BigDecimal output;

		/**
		 * Price of reasoning tokens, per llm-cost.pricing.per-tokens tokens; defaults to
		 * the output price.
		 */
		private @Nullable BigDecimal reasoning;

		/**
		 * Price of audio output tokens, per llm-cost.pricing.per-tokens tokens; defaults
		 * to the output price.
		 */
		private @Nullable BigDecimal audioOutput;

		/**
		 * Flat fee per call, in llm-cost.currency; none unless set.
		 */
		private @Nullable BigDecimal perRequest;

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable BigDecimal getCacheWrite() {
			return this.cacheWrite;
		}

		public void setCacheWrite(@Nullable BigDecimal cacheWrite) {
			this.cacheWrite = cacheWrite;
		}

		public @Nullable BigDecimal getCacheWrite1h() {
			return this.cacheWrite1h;
		}

		public void setCacheWrite1h(@Nullable BigDecimal cacheWrite1h) {
			this.cacheWrite1h = cacheWrite1h;
		}

		public @Nullable BigDecimal getAudioInput() {
			return this.audioInput;
		}

		public void setAudioInput(@Nullable BigDecimal audioInput) {
			this.audioInput = audioInput;
		}

		public @Nullable BigDecimal getAudioOutput() {
			return this.audioOutput;
		}

		public void setAudioOutput(@Nullable BigDecimal audioOutput) {
			this.audioOutput = audioOutput;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getReasoning() {
			return this.reasoning;
		}

		public void setReasoning(@Nullable BigDecimal reasoning) {
			this.reasoning = reasoning;
		}

		public @Nullable BigDecimal getPerRequest() {
			return this.perRequest;
		}

		public void setPerRequest(@Nullable BigDecimal perRequest) {
			this.perRequest = perRequest;
		}

		/**
		 * Return the prices set, by dimension, read from the property of each dimension.
		 * @return the prices set; unset dimensions are absent
		 */
		public Map<BillingDimension, BigDecimal> prices() {
			BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(this);
			Map<BillingDimension, BigDecimal> prices = new EnumMap<>(BillingDimension.class);
			for (BillingDimension dimension : BillingDimension.values()) {
				Object price = properties.getPropertyValue(javaName(dimension));
				if (price != null) {
					prices.put(dimension, (BigDecimal) price);
				}
			}
			return prices;
		}

		static String javaName(BillingDimension dimension) {
			String name = dimension.propertyName();
			StringBuilder javaName = new StringBuilder();
			for (int i = 0; i < name.length(); i++) {
				char ch = name.charAt(i);
				javaName.append((ch == '-') ? Character.toUpperCase(name.charAt(++i)) : ch);
			}
			return javaName.toString();
		}

		void validatePrices(String key) {
			prices().forEach((dimension, price) -> {
				if (price.signum() < 0) {
					throw new IllegalStateException(
							"%s.%s must not be negative, was %s".formatted(key, dimension.propertyName(), price));
				}
			});
		}

	}

	/**
	 * Prices of one model, per llm-cost.pricing.per-tokens tokens, in llm-cost.currency.
	 */
	public static class ModelPricing extends Prices {

		/**
		 * Price of one generated image, in llm-cost.currency, for image models; an entry
		 * with a per-image price needs no token prices.
		 */
		private BigDecimal perImage = BigDecimal.ZERO;

		/**
		 * Other model names priced by this entry, or glob patterns of names such as
		 * "gpt-4o-*" ('*' any characters, '?' one, '[abc]' one of a set, '{a,b}' either).
		 */
		private final List<String> aliases = new ArrayList<>();

		/**
		 * Prices for calls whose prompt exceeds a number of tokens, applied to the whole
		 * call; unset tier prices are the base prices.
		 */
		private final List<Tier> tiers = new ArrayList<>();

		public BigDecimal getPerImage() {
			return this.perImage;
		}

		public void setPerImage(BigDecimal perImage) {
			this.perImage = perImage;
		}

		public List<String> getAliases() {
			return this.aliases;
		}

		public List<Tier> getTiers() {
			return this.tiers;
		}

		void validate(String key) {
			if (this.perImage.signum() < 0) {
				throw new IllegalStateException(
						"%s.per-image must not be negative, was %s".formatted(key, this.perImage));
			}
			if (!isImageModel()) {
				Map<BillingDimension, BigDecimal> prices = prices();
				for (BillingDimension dimension : BillingDimension.values()) {
					if (dimension.isRequired() && !prices.containsKey(dimension)) {
						throw new IllegalStateException(key + "." + dimension.propertyName()
								+ " must be set: a model without a price for every token type would be priced at"
								+ " zero for the missing one (an image model needs only per-image)");
					}
				}
			}
			validatePrices(key);
			for (int i = 0; i < this.aliases.size(); i++) {
				String alias = this.aliases.get(i);
				if (alias == null || alias.isBlank()) {
					throw new IllegalStateException("%s.aliases[%d] must not be empty".formatted(key, i));
				}
				try {
					GlobPattern.compile(alias);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(
							"%s.aliases[%d] is not a valid pattern: %s".formatted(key, i, ex.getMessage()), ex);
				}
			}
			Map<Long, Integer> thresholds = new HashMap<>();
			for (int i = 0; i < this.tiers.size(); i++) {
				Tier tier = this.tiers.get(i);
				String tierKey = "%s.tiers[%d]".formatted(key, i);
				if (tier.getAboveInputTokens() <= 0) {
					throw new IllegalStateException("%s.above-input-tokens must be positive, was %d".formatted(tierKey,
							tier.getAboveInputTokens()));
				}
				Integer previous = thresholds.put(tier.getAboveInputTokens(), i);
				if (previous != null) {
					throw new IllegalStateException("%s.above-input-tokens duplicates %s.tiers[%d]: both are %d"
						.formatted(tierKey, key, previous, tier.getAboveInputTokens()));
				}
				tier.validatePrices(tierKey);
			}
		}

		boolean isImageModel() {
			return this.perImage.signum() > 0;
		}

	}

	/**
	 * Prices of a model for calls whose prompt exceeds a number of tokens; unset prices
	 * are the base prices of the model.
	 */
	public static class Tier extends Prices {

		/**
		 * Number of prompt tokens, cached or not, above which the tier's prices apply to
		 * the whole call.
		 */
		private long aboveInputTokens;

		public long getAboveInputTokens() {
			return this.aboveInputTokens;
		}

		public void setAboveInputTokens(long aboveInputTokens) {
			this.aboveInputTokens = aboveInputTokens;
		}

	}

	/**
	 * Catalogs of list prices for models without an entry in llm-cost.pricing.models.
	 */
	public static class Catalog {

		/**
		 * Whether to fall back to the catalog of list prices bundled with llm-cost.
		 */
		private boolean builtin = true;

		/**
		 * Location of a price file in LiteLLM's format (file: or classpath:), consulted
		 * after llm-cost.pricing.models and before the bundled catalog.
		 */
		private @Nullable Resource location;

		public boolean isBuiltin() {
			return this.builtin;
		}

		public void setBuiltin(boolean builtin) {
			this.builtin = builtin;
		}

		public @Nullable Resource getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable Resource location) {
			this.location = location;
		}

	}

}
