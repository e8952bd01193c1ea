package store_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestRejectedRowBounded: a rejected row keeps a record whole (a JSON string when it is not JSON) up to
// store.MaxRejectedRecord, as stored and as a batch file's JSON encoder writes it (a record of `<` is 6 times
// longer there); a longer one as its first RejectedRecordHead bytes with its length and keccak256; the detail
// and cursor cut.
func TestRejectedRowBounded(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		long := strings.Repeat("x", 4*store.MaxRejectedRecord)
		records := [][]byte{
			[]byte(`{"cursor":"1"}`),
			[]byte(`not json`),
			[]byte(`{"pad":"` + long + `"}`),
			[]byte(`{"pad":"` + strings.Repeat("<", store.MaxRejectedRecord/2) + `"}`),
			[]byte(`not json ` + long),
		}
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			for _, r := range records {
				if err := tx.InsertRejected(ctx, store.Rejected{Feed: "http://a", Cursor: long, SessionID: "0x01", Code: "malformed",
					Detail: long, Record: r}); err != nil {
					return err
				}
			}
			return nil
		}))
		rows, err := st.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Equal(t, len(records), len(rows))
		require.JSONEq(t, `{"cursor":"1"}`, string(rows[0].Record))
		require.Equal(t, `"not json"`, string(rows[1].Record))
		for i, row := range rows {
			require.LessOrEqual(t, len(row.Cursor), 256, "row %d", i)
			require.LessOrEqual(t, len(row.Detail), 1024, "row %d", i)
			enc, err := json.Marshal(row)
			require.NoError(t, err)
			require.Less(t, len(enc), 16<<10, "row %d as a batch file lists it", i)
			if i < 2 {
				require.Zero(t, row.RecordBytes, "row %d is whole", i)
				require.Nil(t, row.RecordHash, "row %d", i)
				continue
			}
			require.EqualValues(t, len(records[i]), row.RecordBytes, "row %d", i)
			require.Equal(t, crypto.Keccak256Hash(records[i]), *row.RecordHash, "row %d", i)
			var head string
			require.NoError(t, json.Unmarshal(row.Record, &head), "row %d", i)
			require.Equal(t, string(records[i][:store.RejectedRecordHead]), head, "row %d", i)
		}
	})
}
