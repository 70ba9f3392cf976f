-- Why a reviewer should look at a fact the extractor read (ambiguous, low confidence).
ALTER TABLE facts ADD COLUMN flag TEXT;
ALTER TABLE secrecy_orders ADD COLUMN box TEXT;
ALTER TABLE data_requested ADD COLUMN source TEXT NOT NULL DEFAULT 'auto';
