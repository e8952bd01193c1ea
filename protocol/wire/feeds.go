package wire

// KeeperFeed is where a keeper stands in one router's settlement feed: GET /v1/feeds on the keeper answers
// KeeperFeeds. A router prunes its settled sessions only up to the Settled cursor of every keeper it is
// configured with (router --keepers).
type KeeperFeed struct {
	URL     string `json:"url"`     // the feed's base URL, as the keeper is configured with it (--routers)
	Cursor  string `json:"cursor"`  // the keeper has read and stored the feed up to here
	Settled string `json:"settled"` // everything up to here is credited by a claimable epoch or rejected ("": nothing yet)
}

// KeeperFeeds is the body of the keeper's GET /v1/feeds.
type KeeperFeeds struct {
	Feeds []KeeperFeed `json:"feeds"`
}
