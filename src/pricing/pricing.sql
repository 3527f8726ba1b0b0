/*
  Model prices and request cost (api.load_model_prices, api.price_request).
  Generated code: src/pricing/pricing.queries.ts (npm run codegen).
*/

/* @name LoadModelPrices */
select api.load_model_prices(:document!::json, :source!) as "models!";

/* @name PriceRequest */
select price_key as "priceKey", long_context as "longContext!", input as "input!", output as "output!",
       cache_create as "cacheCreate!", cache_create_5m as "cacheCreate5m!", cache_create_1h as "cacheCreate1h!",
       cache_read as "cacheRead!", total as "total!"
  from api.price_request(:model!, :inputTokens!, :outputTokens!, :cacheCreationTokens!, :cache5mTokens!, :cache1hTokens!,
                         :cacheReadTokens!, :cacheSplit!, :path!);
