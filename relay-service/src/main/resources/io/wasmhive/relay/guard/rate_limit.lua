-- Sliding-window rate limit, atomically: KEYS[1] is the user's sorted set of admitted requests, scored by
-- their admission time in microseconds of the Redis clock. ARGV: limit, window (ms), a unique member.
-- Returns {allowed (1/0), remaining, retry_after_us}.
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local window_us = window_ms * 1000
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
-- A request admitted exactly one window ago no longer counts.
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window_us)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window_ms)
  return {1, limit - count - 1, 0}
end
-- The next request passes once all but limit - 1 admitted requests have left the window.
local index = count - limit
local entry = redis.call('ZRANGE', key, index, index, 'WITHSCORES')
return {0, 0, tonumber(entry[2]) + window_us - now}
